// Pins the public types of the React entry, as DESIGN.md's API section spells them.
import { useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { describe, expectTypeOf, test } from 'vitest';
import {
  billingKeys,
  type AccessRequirement,
  billingQueryOptions,
  useAccess,
  useBillingState,
  useCheckout,
  usePaywall,
  usePlanAction,
  usePlans,
  usePortal,
  type BillingBackend,
  type BillingError,
  type BillingEvent,
  type BillingGate,
  type BillingProvider,
  type BillingProviderProps,
  type BillingState,
  type CheckoutSessionInput,
  type ManageButton,
  type PlanActionKind,
  type PlanCard,
  type PlanInfo,
  type Paywall,
  type PortalOpenInput,
  type PortalSessionInput,
  type PricingTable,
  type Tier,
  type UpgradeButton,
  type UseBillingStateOptions,
} from '../../src';

// Hooks are only type-checked here, never run; a `use…` wrapper keeps the rules of hooks satisfied.
export function useProbe() {
  return {
    state: useBillingState(),
    tier: useBillingState({ select: (state) => state.tier }),
    checkout: useCheckout(),
    portal: usePortal(),
    planAction: usePlanAction('business'),
    plans: usePlans(),
    access: useAccess({ feature: 'forecasts' }),
    anyPaidPlan: useAccess(),
    paywall: usePaywall(),
  };
}
type Probe = ReturnType<typeof useProbe>;

describe('useBillingState', () => {
  test('data is BillingState | undefined, error is BillingError | null', () => {
    expectTypeOf<Probe['state']['data']>().toEqualTypeOf<BillingState | undefined>();
    expectTypeOf<Probe['state']['error']>().toEqualTypeOf<BillingError | null>();
    expectTypeOf<Probe['state']>().toEqualTypeOf<UseQueryResult<BillingState, BillingError>>();
  });

  test('select narrows data', () => {
    expectTypeOf<Probe['tier']['data']>().toEqualTypeOf<Tier | undefined>();
  });

  test('options are select, enabled and throwOnError', () => {
    expectTypeOf<{
      select: (state: BillingState) => boolean;
      enabled: boolean;
      throwOnError: (error: BillingError) => boolean;
    }>().toExtend<UseBillingStateOptions<boolean>>();
    expectTypeOf<{ enabled: 'yes' }>().not.toExtend<UseBillingStateOptions>();
  });
});

describe('useCheckout and usePortal', () => {
  test('useCheckout: start(input?) resolves to void; isPending; error', () => {
    expectTypeOf<Probe['checkout']['start']>().toEqualTypeOf<
      (input?: Partial<CheckoutSessionInput>) => Promise<void>
    >();
    expectTypeOf<Probe['checkout']['isPending']>().toEqualTypeOf<boolean>();
    expectTypeOf<Probe['checkout']['error']>().toEqualTypeOf<BillingError | null>();
  });

  test('usePortal: open(input?) resolves to void, input a PortalSessionInput plus target; isPending; error', () => {
    expectTypeOf<Probe['portal']['open']>().toEqualTypeOf<(input?: PortalOpenInput) => Promise<void>>();
    expectTypeOf<{ returnUrl: string; target: '_blank' }>().toExtend<PortalOpenInput>();
    expectTypeOf<Partial<PortalSessionInput>>().toExtend<PortalOpenInput>();
    expectTypeOf<{ target: 'popup' }>().not.toExtend<PortalOpenInput>();
    expectTypeOf<Probe['portal']['isPending']>().toEqualTypeOf<boolean>();
    expectTypeOf<Probe['portal']['error']>().toEqualTypeOf<BillingError | null>();
  });
});

describe('BillingEvent', () => {
  test("switch (event.type) narrows to each event's fields", () => {
    const seen = (event: BillingEvent) => {
      switch (event.type) {
        case 'checkout_started':
          expectTypeOf(event.tier).toEqualTypeOf<Tier>();
          return;
        case 'checkout_completed':
          expectTypeOf(event.state).toEqualTypeOf<BillingState>();
          return;
        case 'portal_returned':
          expectTypeOf(event.state).toEqualTypeOf<BillingState>();
          expectTypeOf(event.changed).toEqualTypeOf<boolean>();
          return;
        case 'state_changed':
          expectTypeOf(event.previous).toEqualTypeOf<BillingState>();
          return;
        case 'paywall_opened':
          expectTypeOf(event.requirement).toEqualTypeOf<AccessRequirement | undefined>();
          return;
        case 'checkout_unconfirmed':
        case 'checkout_canceled':
        case 'portal_opened':
        case 'paywall_closed':
          expectTypeOf<keyof typeof event>().toEqualTypeOf<'type'>();
          return;
        default:
          expectTypeOf(event).toBeNever();
      }
    };
    expectTypeOf(seen).toExtend<NonNullable<BillingProviderProps['onEvent']>>();
  });

  test('the provider takes onEvent and syncTabs', () => {
    expectTypeOf<BillingProviderProps['onEvent']>().toEqualTypeOf<
      ((event: BillingEvent) => void) | undefined
    >();
    expectTypeOf<BillingProviderProps['syncTabs']>().toEqualTypeOf<boolean | undefined>();
  });
});

describe('access', () => {
  test('useAccess(requirement?) gives allowed (undefined until known), isLoading and the plans unlocking it', () => {
    expectTypeOf(useAccess).parameter(0).toEqualTypeOf<AccessRequirement | undefined>();
    expectTypeOf<Probe['access']['allowed']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Probe['access']['isLoading']>().toEqualTypeOf<boolean>();
    expectTypeOf<Probe['access']['plans']>().toEqualTypeOf<PlanInfo[]>();
    expectTypeOf<Probe['anyPaidPlan']>().toEqualTypeOf<Probe['access']>();
    // Any string: the provider's plans are not known statically.
    expectTypeOf<{ feature: 'anything' }>().toExtend<AccessRequirement>();
    expectTypeOf<{ tier: 'business' }>().toExtend<AccessRequirement>();
    expectTypeOf<{ plan: 'business' }>().not.toExtend<AccessRequirement>();
  });

  test('BillingGate takes feature or tier beside fallback and loading', () => {
    type GateProps = ComponentProps<typeof BillingGate>;
    expectTypeOf<GateProps['feature']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GateProps['tier']>().toEqualTypeOf<Tier | undefined>();
    expectTypeOf<{ feature: 'forecasts'; fallback: null }>().toExtend<GateProps>();
    expectTypeOf<{ feature: 42 }>().not.toExtend<GateProps>();
  });

  test('usePaywall gives open(requirement?), close(), isOpen; Paywall takes labels', () => {
    expectTypeOf<Probe['paywall']['open']>().toEqualTypeOf<(requirement?: AccessRequirement) => void>();
    expectTypeOf<Probe['paywall']['close']>().toEqualTypeOf<() => void>();
    expectTypeOf<Probe['paywall']['isOpen']>().toEqualTypeOf<boolean>();
    expectTypeOf<{ labels: { title: string; close: string } }>().toExtend<ComponentProps<typeof Paywall>>();
    expectTypeOf<{ labels: { title: 1 } }>().not.toExtend<ComponentProps<typeof Paywall>>();
  });
});

describe('plans', () => {
  test('usePlanAction and usePlans have the contract shapes', () => {
    expectTypeOf<Probe['planAction']['kind']>().toEqualTypeOf<PlanActionKind>();
    expectTypeOf<Probe['planAction']['start']>().toEqualTypeOf<() => Promise<void>>();
    expectTypeOf<Probe['planAction']['isPending']>().toEqualTypeOf<boolean>();
    expectTypeOf<Probe['planAction']['error']>().toEqualTypeOf<BillingError | null>();
    expectTypeOf<Probe['plans']>().toEqualTypeOf<Array<PlanInfo & { action: PlanActionKind }>>();
    expectTypeOf<PlanActionKind>().toEqualTypeOf<'current' | 'contact' | 'portal' | 'checkout'>();
  });

  test('PricingTable takes plans, and BillingProvider takes plans', () => {
    expectTypeOf<{ plans: PlanInfo[]; className: string }>().toExtend<ComponentProps<typeof PricingTable>>();
    expectTypeOf<BillingProviderProps['plans']>().toEqualTypeOf<readonly PlanInfo[] | undefined>();
    expectTypeOf<{
      tier: 'team';
      price: { amount: 4900; currency: 'usd'; interval: 'month' };
    }>().toExtend<PlanInfo>();
    expectTypeOf<{ tier: 'enterprise'; price: 'Custom'; contactUrl: string }>().toExtend<PlanInfo>();
    expectTypeOf<{
      tier: 'team';
      price: { amount: 4900; currency: 'usd'; interval: 'week' };
    }>().not.toExtend<PlanInfo>();
  });
});

describe('component props', () => {
  test('UpgradeButton accepts asChild, tier, className, children, ref and button attributes', () => {
    expectTypeOf<{ asChild: true; tier: 'team'; className: string; children: string }>().toExtend<
      ComponentProps<typeof UpgradeButton>
    >();
    expectTypeOf<{ tier: 'pro_plus'; successUrl: string; cancelUrl: string; disabled: boolean }>().toExtend<
      ComponentProps<typeof UpgradeButton>
    >();
    expectTypeOf<ComponentProps<typeof UpgradeButton>['tier']>().toEqualTypeOf<Tier | undefined>();
    expectTypeOf<ComponentProps<typeof UpgradeButton>>().toHaveProperty('ref');
  });

  test('UpgradeButton refuses a tier that is not a string', () => {
    expectTypeOf<{ tier: 42 }>().not.toExtend<ComponentProps<typeof UpgradeButton>>();
  });

  test('ManageButton accepts asChild, className, returnUrl and upgradeTier', () => {
    expectTypeOf<{ asChild: true; className: string; returnUrl: string; upgradeTier: 'team' }>().toExtend<
      ComponentProps<typeof ManageButton>
    >();
  });

  test('PlanCard accepts upgradeTier, className and action', () => {
    expectTypeOf<{ upgradeTier: 'team'; className: string; action: null }>().toExtend<
      ComponentProps<typeof PlanCard>
    >();
  });

  test('BillingGate takes fallback, loading and children', () => {
    expectTypeOf<{ fallback: string; loading: null; children: string }>().toExtend<
      ComponentProps<typeof BillingGate>
    >();
  });

  test('BillingProvider takes the props of the contract', () => {
    expectTypeOf<ComponentProps<typeof BillingProvider>>().toEqualTypeOf<BillingProviderProps>();
    expectTypeOf<BillingProviderProps['backend']>().toEqualTypeOf<BillingBackend | undefined>();
    expectTypeOf<BillingProviderProps['navigate']>().toEqualTypeOf<((url: string) => void) | undefined>();
    expectTypeOf<BillingProviderProps['queryClient']>().toEqualTypeOf<QueryClient | undefined>();
    expectTypeOf<BillingProviderProps['initialState']>().toEqualTypeOf<BillingState | undefined>();
    expectTypeOf<BillingProviderProps['checkout']>().toEqualTypeOf<
      Partial<CheckoutSessionInput> | undefined
    >();
    expectTypeOf<BillingProviderProps['portal']>().toEqualTypeOf<Partial<PortalSessionInput> | undefined>();
    expectTypeOf<BillingProviderProps['allowedRedirectHosts']>().toEqualTypeOf<
      readonly string[] | undefined
    >();
    expectTypeOf<BillingProviderProps['locale']>().toEqualTypeOf<string | undefined>();
  });
});

describe('billingQueryOptions', () => {
  test('is keyed by billingKeys.state() and fetches a BillingState', () => {
    type Options = ReturnType<typeof billingQueryOptions>;
    expectTypeOf<Options['queryKey']>().toExtend<readonly ['saiku-billing', 'state']>();
    expectTypeOf(billingKeys.state()).toEqualTypeOf<readonly ['saiku-billing', 'state']>();
    expectTypeOf(billingQueryOptions).parameter(0).toEqualTypeOf<BillingBackend>();
  });

  test('types the cache, custom queries and server prefetch with the state', () => {
    const options = billingQueryOptions({} as BillingBackend);
    const client = {} as QueryClient;
    expectTypeOf(client.getQueryData(options.queryKey)).toEqualTypeOf<BillingState | undefined>();
    expectTypeOf(client.fetchQuery(options)).resolves.toEqualTypeOf<BillingState>();
    expectTypeOf(client.prefetchQuery(options)).toExtend<Promise<unknown>>();
    expectTypeOf(useQuery(options).data).toEqualTypeOf<BillingState | undefined>();
    expectTypeOf(useQuery(options).error).toEqualTypeOf<BillingError | null>();
  });
});
