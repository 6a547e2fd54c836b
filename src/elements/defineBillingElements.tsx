'use client';
/**
 * `defineBillingElements()`: the library's components as custom elements (`<saiku-plan-card>`, …), each
 * with an open shadow root holding the default theme. The classes are made inside the function, so
 * importing this module on a server (no `HTMLElement` there) or without calling it costs nothing.
 */
import type { ReactNode } from 'react';
import styles from 'virtual:saiku-billing-shadow-styles';
import type { CheckoutSessionInput, PlanInfo, Tier } from '../core';
import { defaultAllowedRedirectHosts } from '../core/allowedHosts';
import type { BillingLabelsInput } from '../labels/types';
import { BillingGate } from '../react/BillingGate';
import {
  billingSettingsSections,
  BillingSettings,
  type BillingSettingsSection,
} from '../react/BillingSettings';
import { BillingStatusBanner } from '../react/BillingStatusBanner';
import { ManageButton } from '../react/ManageButton';
import { PlanCard } from '../react/PlanCard';
import { PricingTable } from '../react/PricingTable';
import { UpgradeButton } from '../react/UpgradeButton';
import {
  createBillingPage,
  type BillingElementsOptions,
  type BillingPage,
  type PageMember,
} from './billingPage';

export type { BillingElementsOptions } from './billingPage';

const defaultApiBase = '/api/billing';
type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** An attribute's value as a heading level, or `fallback` (with a console error) when it is not one. */
function headingLevel(element: HTMLElement, fallback: HeadingLevel): HeadingLevel {
  const value = element.getAttribute('heading-level');
  if (value === null) return fallback;
  const level = Number(value);
  if (Number.isInteger(level) && level >= 2 && level <= 6) return level as HeadingLevel;
  console.error(`[@saiku/billing-react] <${element.localName} heading-level="${value}">: use 2 to 6.`);
  return fallback;
}

/** Words of a space-separated attribute. */
function words(value: string | null): string[] {
  return value?.split(/\s+/).filter(Boolean) ?? [];
}

/** Throws a TypeError naming the property unless `value` is undefined, null or passes `ok`. */
function checked<T>(
  tag: string,
  property: string,
  value: unknown,
  ok: boolean,
  expected: string,
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (!ok) throw new TypeError(`<${tag}>.${property} must be ${expected}, got ${typeof value}.`);
  return value as T;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The classes, made on first use (a browser), once per page. */
function makeElements(options: BillingElementsOptions) {
  const pages = new Map<string, BillingPage>();
  let count = 0;

  abstract class BillingElementBase extends HTMLElement implements PageMember {
    static observedAttributes = ['api-base', 'locale', 'allowed-redirect-hosts', 'theme'];
    readonly key = `saiku-${++count}`;
    #page: BillingPage | null = null;
    #plans: readonly PlanInfo[] | undefined;
    #labels: BillingLabelsInput | undefined;
    #checkout: Partial<CheckoutSessionInput> | undefined;

    constructor() {
      super();
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = styles + this.hostStyle();
      root.replaceChildren(style);
      // A framework may have set a property before the element was defined: it shadows our accessor.
      for (const property of ['plans', 'labels', 'checkout'] as const) {
        if (Object.hasOwn(this, property)) {
          const value: unknown = this[property];
          Reflect.deleteProperty(this, property);
          (this as Record<typeof property, unknown>)[property] = value;
        }
      }
    }

    /** What the element shows, under the page's provider. */
    abstract view(): ReactNode;

    /** Extra rules for the host box (buttons sit in a line of text). */
    hostStyle(): string {
      return '';
    }

    connectedCallback(): void {
      const apiBase = this.apiBase;
      let page = pages.get(apiBase);
      if (!page)
        pages.set(apiBase, (page = createBillingPage(apiBase, options, () => pages.delete(apiBase))));
      this.#page = page;
      page.join(this);
    }

    disconnectedCallback(): void {
      this.#page?.leave(this);
      this.#page = null;
    }

    attributeChangedCallback(name: string): void {
      if (!this.#page) return;
      if (name === 'api-base') {
        this.disconnectedCallback();
        this.connectedCallback();
      } else this.#page.update();
    }

    protected changed(): void {
      this.#page?.update();
    }

    get apiBase(): string {
      return this.getAttribute('api-base') || defaultApiBase;
    }
    set apiBase(value: string) {
      this.setAttribute('api-base', value);
    }
    get locale(): string | null {
      return this.getAttribute('locale');
    }
    set locale(value: string | null) {
      this.reflect('locale', value);
    }
    get theme(): 'light' | 'dark' | null {
      const theme = this.getAttribute('theme');
      return theme === 'light' || theme === 'dark' ? theme : null;
    }
    set theme(value: 'light' | 'dark' | null) {
      this.reflect('theme', value);
    }
    get allowedRedirectHosts(): readonly string[] {
      const hosts = words(this.getAttribute('allowed-redirect-hosts'));
      return hosts.length ? hosts : defaultAllowedRedirectHosts;
    }
    set allowedRedirectHosts(value: readonly string[]) {
      this.setAttribute('allowed-redirect-hosts', value.join(' '));
    }
    get plans(): readonly PlanInfo[] | undefined {
      return this.#plans;
    }
    set plans(value: readonly PlanInfo[] | undefined) {
      this.#plans = checked(this.localName, 'plans', value, Array.isArray(value), 'an array of plans');
      this.changed();
    }
    get labels(): BillingLabelsInput | undefined {
      return this.#labels;
    }
    set labels(value: BillingLabelsInput | undefined) {
      this.#labels = checked(this.localName, 'labels', value, isPlainObject(value), 'an object of labels');
      this.changed();
    }
    get checkout(): Partial<CheckoutSessionInput> | undefined {
      return this.#checkout;
    }
    set checkout(value: Partial<CheckoutSessionInput> | undefined) {
      this.#checkout = checked(this.localName, 'checkout', value, isPlainObject(value), 'an object');
      this.changed();
    }

    protected reflect(name: string, value: string | null | undefined): void {
      if (value === null || value === undefined) this.removeAttribute(name);
      else this.setAttribute(name, value);
    }
  }

  /** The buttons: the element's own text (or its no-JavaScript form's button) is the label. */
  abstract class BillingButtonElement extends BillingElementBase {
    readonly #observer = new MutationObserver(() => this.changed());

    override hostStyle(): string {
      return ':host{display:inline-block}';
    }

    protected label(): string | undefined {
      return this.textContent?.replace(/\s+/g, ' ').trim() || undefined;
    }

    override connectedCallback(): void {
      super.connectedCallback();
      this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    }

    override disconnectedCallback(): void {
      this.#observer.disconnect();
      super.disconnectedCallback();
    }
  }

  /** `upgrade-tier`, for the plan card, the settings and the manage button. */
  const upgradeTier = (element: HTMLElement): Tier | undefined =>
    element.getAttribute('upgrade-tier') ?? undefined;

  class SaikuBillingSettings extends BillingElementBase {
    static override observedAttributes = [
      ...BillingElementBase.observedAttributes,
      'sections',
      'heading-level',
      'upgrade-tier',
    ];
    get sections(): readonly BillingSettingsSection[] {
      const given = words(this.getAttribute('sections'));
      if (given.length === 0) return billingSettingsSections;
      const known = given.filter((word): word is BillingSettingsSection =>
        billingSettingsSections.includes(word as BillingSettingsSection),
      );
      if (known.length < given.length)
        console.error(
          `[@saiku/billing-react] <saiku-billing-settings sections="${given.join(' ')}">: ` +
            `use any of ${billingSettingsSections.join(', ')}.`,
        );
      return known;
    }
    set sections(value: readonly BillingSettingsSection[]) {
      this.setAttribute('sections', value.join(' '));
    }
    get headingLevel(): number {
      return headingLevel(this, 2);
    }
    set headingLevel(value: number) {
      this.setAttribute('heading-level', String(value));
    }
    get upgradeTier(): Tier | null {
      return this.getAttribute('upgrade-tier');
    }
    set upgradeTier(value: Tier | null) {
      this.reflect('upgrade-tier', value);
    }
    view(): ReactNode {
      return (
        <BillingSettings
          sections={this.sections}
          headingLevel={headingLevel(this, 2)}
          upgradeTier={upgradeTier(this)}
        />
      );
    }
  }

  class SaikuPlanCard extends BillingElementBase {
    static override observedAttributes = [...BillingElementBase.observedAttributes, 'upgrade-tier'];
    get upgradeTier(): Tier | null {
      return this.getAttribute('upgrade-tier');
    }
    set upgradeTier(value: Tier | null) {
      this.reflect('upgrade-tier', value);
    }
    view(): ReactNode {
      return <PlanCard upgradeTier={upgradeTier(this)} />;
    }
  }

  class SaikuPricingTable extends BillingElementBase {
    static override observedAttributes = [...BillingElementBase.observedAttributes, 'heading-level'];
    get headingLevel(): number {
      return headingLevel(this, 3);
    }
    set headingLevel(value: number) {
      this.setAttribute('heading-level', String(value));
    }
    view(): ReactNode {
      return <PricingTable headingLevel={headingLevel(this, 3)} />;
    }
  }

  class SaikuUpgradeButton extends BillingButtonElement {
    static override observedAttributes = [...BillingElementBase.observedAttributes, 'tier'];
    get tier(): Tier | null {
      return this.getAttribute('tier');
    }
    set tier(value: Tier | null) {
      this.reflect('tier', value);
    }
    view(): ReactNode {
      return <UpgradeButton tier={this.getAttribute('tier') ?? undefined}>{this.label()}</UpgradeButton>;
    }
  }

  class SaikuManageButton extends BillingButtonElement {
    static override observedAttributes = [...BillingElementBase.observedAttributes, 'upgrade-tier'];
    get upgradeTier(): Tier | null {
      return this.getAttribute('upgrade-tier');
    }
    set upgradeTier(value: Tier | null) {
      this.reflect('upgrade-tier', value);
    }
    view(): ReactNode {
      return <ManageButton upgradeTier={upgradeTier(this)}>{this.label()}</ManageButton>;
    }
  }

  class SaikuBillingGate extends BillingElementBase {
    static override observedAttributes = [...BillingElementBase.observedAttributes, 'feature', 'tier'];
    get feature(): string | null {
      return this.getAttribute('feature');
    }
    set feature(value: string | null) {
      this.reflect('feature', value);
    }
    get tier(): Tier | null {
      return this.getAttribute('tier');
    }
    set tier(value: Tier | null) {
      this.reflect('tier', value);
    }
    view(): ReactNode {
      const fallback = <slot name="fallback" />;
      const feature = this.getAttribute('feature') ?? undefined;
      const tier = this.getAttribute('tier') ?? undefined;
      // Every element of a page renders in one tree: a gate given both must not take the others down.
      // It fails closed, and says why, as <BillingGate>'s TypeError would.
      if (feature !== undefined && tier !== undefined) {
        console.error(
          `<saiku-billing-gate> takes feature or tier, not both (got feature="${feature}", ` +
            `tier="${tier}"): showing its fallback.`,
        );
        return fallback;
      }
      return (
        <BillingGate feature={feature} tier={tier} fallback={fallback}>
          <slot />
        </BillingGate>
      );
    }
  }

  class SaikuBillingStatusBanner extends BillingElementBase {
    view(): ReactNode {
      return <BillingStatusBanner />;
    }
  }

  return {
    'saiku-billing-settings': SaikuBillingSettings,
    'saiku-plan-card': SaikuPlanCard,
    'saiku-pricing-table': SaikuPricingTable,
    'saiku-upgrade-button': SaikuUpgradeButton,
    'saiku-manage-button': SaikuManageButton,
    'saiku-billing-gate': SaikuBillingGate,
    'saiku-billing-status-banner': SaikuBillingStatusBanner,
  };
}

/** The tags `defineBillingElements` defines. */
export const billingElementTags = [
  'saiku-billing-settings',
  'saiku-plan-card',
  'saiku-pricing-table',
  'saiku-upgrade-button',
  'saiku-manage-button',
  'saiku-billing-gate',
  'saiku-billing-status-banner',
] as const;

/**
 * Defines the `saiku-*` custom elements (each tag not defined yet; a second call does nothing). Elements
 * with the same `api-base` share one state request and one flow, and dispatch each lifecycle event once as
 * a bubbling, composed `CustomEvent('saiku-billing-event', { detail: BillingEvent })`.
 * @example defineBillingElements(); document.body.append(document.createElement('saiku-billing-settings'));
 */
export function defineBillingElements(options: BillingElementsOptions = {}): void {
  if (typeof customElements === 'undefined') {
    throw new TypeError('defineBillingElements() needs a browser: customElements is not defined here.');
  }
  if (billingElementTags.every((tag) => customElements.get(tag))) return;
  const elements = makeElements(options);
  for (const tag of billingElementTags) {
    if (!customElements.get(tag)) customElements.define(tag, elements[tag]);
  }
}
