'use client';
import { useId, type HTMLAttributes, type ReactNode } from 'react';
import type { PlanInfo, Tier } from '../core';
import { mergeLabels } from '../labels/mergeLabels';
import { defaultSettingsLabels } from '../labels/settingsLabels';
import { BillingStatusBanner } from './BillingStatusBanner';
import { useBillingContext } from './BillingContext';
import { joinTokens } from './joinTokens';
import { ManageButton } from './ManageButton';
import { PlanCard } from './PlanCard';
import { PricingTable } from './PricingTable';
import { useBillingState } from './useBillingState';

/** The parts of `<BillingSettings>`, in the order they are shown. */
export type BillingSettingsSection = 'status' | 'plan' | 'manage' | 'plans';

export const billingSettingsSections: readonly BillingSettingsSection[] = [
  'status',
  'plan',
  'manage',
  'plans',
];

export interface BillingSettingsProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /**
   * The parts to show, any of `'status'` (the banner), `'plan'` (the plan card), `'manage'` (invoices and
   * payment, in the Portal: shown once the tenant is a Stripe customer), `'plans'` (the pricing table:
   * shown when there are plans). Always shown in that order.
   * @default ['status', 'plan', 'manage', 'plans']
   */
  sections?: readonly BillingSettingsSection[];
  /** The level of the section headings; each plan's name in the table is one level below. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** The plans to offer. @default the provider's `plans` */
  plans?: readonly PlanInfo[];
  /** The plan the plan card's upgrade checks out. @default the provider's `checkout.tier` */
  upgradeTier?: Tier;
}

const defaults = { settings: defaultSettingsLabels };

/** Throws a `TypeError` naming a section that does not exist: a typo would otherwise hide a part silently. */
function checkSections(sections: readonly string[]): void {
  for (const section of sections) {
    if (!billingSettingsSections.includes(section as BillingSettingsSection)) {
      throw new TypeError(
        `<BillingSettings sections>: unknown section "${section}"; use any of ${billingSettingsSections.join(', ')}.`,
      );
    }
  }
}

/**
 * The whole billing section of an admin settings page: the status banner, the plan card, invoices and
 * payment (the Customer Portal) and the plans, laid out from 320 px phones to wide screens.
 */
export const BillingSettings = /* @__PURE__ */ Object.assign(
  function BillingSettings({
    sections = billingSettingsSections,
    headingLevel = 2,
    plans: plansProp,
    upgradeTier,
    className,
    ...rest
  }: BillingSettingsProps): ReactNode {
    checkSections(sections);
    const context = useBillingContext('BillingSettings');
    const labels = mergeLabels(defaults, context.labels).settings;
    // The Portal holds invoices once there is a Stripe customer; before that it answers `no_customer`.
    const { data: isCustomer } = useBillingState({ select: (state) => state.stripeCustomerId !== null });
    const id = useId();
    const plans = plansProp ?? context.plans;
    const show = (section: BillingSettingsSection) => sections.includes(section);
    const Heading = `h${headingLevel}` as const;
    const planLevel = Math.min(headingLevel + 1, 6) as 3 | 4 | 5 | 6;
    const block = 'saiku-billing-settings';

    return (
      <div {...rest} className={joinTokens(block, className)} data-sections={sections.join(' ')}>
        {show('status') ? <BillingStatusBanner /> : null}
        {show('plan') || (show('manage') && isCustomer) ? (
          <div className={`${block}__summary`}>
            {show('plan') ? (
              <div className={`${block}__part`} data-section="plan">
                <Heading id={`${id}plan`} className={`${block}__heading`}>
                  {labels.planHeading}
                </Heading>
                <PlanCard upgradeTier={upgradeTier} aria-labelledby={`${id}plan`} />
              </div>
            ) : null}
            {show('manage') && isCustomer ? (
              <section className={`${block}__part`} data-section="manage" aria-labelledby={`${id}manage`}>
                <Heading id={`${id}manage`} className={`${block}__heading`}>
                  {labels.manageHeading}
                </Heading>
                <div className={`${block}__manage`}>
                  <p className={`${block}__text`}>{labels.manageDescription}</p>
                  <ManageButton>{labels.manageButton}</ManageButton>
                </div>
              </section>
            ) : null}
          </div>
        ) : null}
        {show('plans') && plans?.length ? (
          <div className={`${block}__part`} data-section="plans">
            <Heading id={`${id}plans`} className={`${block}__heading`}>
              {labels.plansHeading}
            </Heading>
            <PricingTable plans={plans} headingLevel={planLevel} aria-labelledby={`${id}plans`} />
          </div>
        ) : null}
      </div>
    );
  },
  { displayName: 'BillingSettings' },
);
