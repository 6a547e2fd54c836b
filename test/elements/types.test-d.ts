// Pins the custom elements' public types: the DOM's tag map, the event on document, and React 19 JSX.
import type { JSX } from 'react';
import { describe, expectTypeOf, test } from 'vitest';
import type { BillingEvent, PlanInfo, Tier } from '../../src';
import {
  defineBillingElements,
  type BillingElementEvent,
  type BillingElementsOptions,
  type SaikuBillingSettingsElement,
  type SaikuPlanCardElement,
  type SaikuUpgradeButtonElement,
} from '../../src/elements';

describe('the DOM', () => {
  test('querySelector and createElement know every tag', () => {
    expectTypeOf(document.createElement('saiku-plan-card')).toEqualTypeOf<SaikuPlanCardElement>();
    expectTypeOf(
      document.querySelector('saiku-billing-settings'),
    ).toEqualTypeOf<SaikuBillingSettingsElement | null>();
    expectTypeOf<HTMLElementTagNameMap['saiku-upgrade-button']>().toEqualTypeOf<SaikuUpgradeButtonElement>();
    expectTypeOf<HTMLElementTagNameMap['saiku-pricing-table']['headingLevel']>().toEqualTypeOf<number>();
    expectTypeOf<HTMLElementTagNameMap['saiku-billing-gate']['apiBase']>().toEqualTypeOf<string>();
    expectTypeOf<HTMLElementTagNameMap['saiku-billing-status-banner']['theme']>().toEqualTypeOf<
      'light' | 'dark' | null
    >();
    expectTypeOf<HTMLElementTagNameMap['saiku-manage-button']['upgradeTier']>().toEqualTypeOf<Tier | null>();
  });

  test('plans, labels and checkout are typed properties', () => {
    expectTypeOf<SaikuPlanCardElement['plans']>().toEqualTypeOf<readonly PlanInfo[] | undefined>();
    expectTypeOf<NonNullable<SaikuPlanCardElement['checkout']>>().toHaveProperty('email');
  });

  test("'saiku-billing-event' on document and on an element carries the BillingEvent", () => {
    document.addEventListener('saiku-billing-event', (event) => {
      expectTypeOf(event).toEqualTypeOf<BillingElementEvent>();
      expectTypeOf(event.detail).toEqualTypeOf<BillingEvent>();
    });
    document.createElement('saiku-plan-card').addEventListener('saiku-billing-event', (event) => {
      expectTypeOf(event.detail).toEqualTypeOf<BillingEvent>();
    });
  });

  test('defineBillingElements takes its options or none', () => {
    expectTypeOf(defineBillingElements).parameters.toEqualTypeOf<[options?: BillingElementsOptions]>();
    expectTypeOf<BillingElementsOptions['navigate']>().toEqualTypeOf<((url: string) => void) | undefined>();
  });
});

describe('React 19 JSX', () => {
  type Tags = JSX.IntrinsicElements;
  test('every tag, with its attributes and the object properties', () => {
    expectTypeOf<{
      sections: 'plan plans';
      'heading-level': 3;
      'upgrade-tier': 'team';
      theme: 'dark';
    }>().toExtend<Tags['saiku-billing-settings']>();
    expectTypeOf<{
      plans: PlanInfo[];
      labels: { upgrade: string };
      'api-base': string;
    }>().toExtend<Tags['saiku-pricing-table']>();
    expectTypeOf<{ tier: 'team'; children: string }>().toExtend<Tags['saiku-upgrade-button']>();
    expectTypeOf<{ 'upgrade-tier': 'team' }>().toExtend<Tags['saiku-manage-button']>();
    expectTypeOf<{ checkout: { email: string }; locale: string }>().toExtend<Tags['saiku-plan-card']>();
    expectTypeOf<{ 'allowed-redirect-hosts': string }>().toExtend<Tags['saiku-billing-gate']>();
    expectTypeOf<{ className: string }>().toExtend<Tags['saiku-billing-status-banner']>();
  });

  test('a wrong value does not type-check', () => {
    expectTypeOf<{ theme: 'blue' }>().not.toExtend<Tags['saiku-plan-card']>();
    expectTypeOf<{ plans: string }>().not.toExtend<Tags['saiku-pricing-table']>();
    expectTypeOf<{ 'heading-level': 7 }>().not.toExtend<Tags['saiku-billing-settings']>();
  });
});
