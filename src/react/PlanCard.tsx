'use client';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { currentPlan, hasSubscription, type Tier } from '../core';
import { paymentFixLabels } from '../labels/buttonLabels';
import { confirmationLabels } from '../labels/confirmationLabels';
import { loadLabels, planCardLabels } from '../labels/planCardLabels';
import { mergeLabels } from '../labels/mergeLabels';
import { useBillingContext, useFlowSnapshot } from './BillingContext';
import { billingAction, loadStatus, planPrice, planTitle } from './cardParts';
import { joinTokens } from './joinTokens';
import { useBillingDescription } from './useBillingDescription';

export interface PlanCardProps extends HTMLAttributes<HTMLElement> {
  /** The plan the upgrade action checks out. @default the provider's `checkout.tier` */
  upgradeTier?: Tier;
  /** Replace the built-in action (upgrade or manage) with your own; `null` hides it. */
  action?: ReactNode;
}

// The card's class, and each part's as `${block}__part` (src/styles/planCard.css).
const block = 'saiku-billing-plan-card';

/** Read by screen readers, not shown; inline so it hides even when the host does not import styles.css. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

const defaults = { ...planCardLabels, ...loadLabels, ...confirmationLabels, ...paymentFixLabels };

/**
 * The plan, its status, the date that matters, and the upgrade-or-manage action. With the provider's
 * `plans`, a subscriber's plan name and price come from there.
 */
export const PlanCard = /* @__PURE__ */ Object.assign(
  function PlanCard({ upgradeTier, action, className, ...rest }: PlanCardProps): ReactNode {
    const { flow, plans, locale, ...context } = useBillingContext('PlanCard');
    const checkoutReturn = useFlowSnapshot(flow, (snapshot) => snapshot.checkoutReturn);
    const labels = mergeLabels(defaults, context.labels);
    const billing = useBillingDescription();
    const { description, state } = billing;
    // Back from Checkout: what the provider's confirmation says at each step.
    const news = {
      idle: null,
      confirming: labels.confirming,
      confirmed: labels.confirmed,
      timed_out: labels.confirmingTimedOut,
    }[checkoutReturn];
    const waiting =
      !description?.hasAccess && (checkoutReturn === 'confirming' || checkoutReturn === 'timed_out');
    const confirming = waiting && checkoutReturn === 'confirming';
    // A subscriber's plan, by its tier; without a subscription the card says "Free" as before.
    const plan = plans && state && hasSubscription(state) ? currentPlan(state, plans) : undefined;
    return (
      <>
        <section
          aria-label={labels.planCardTitle}
          {...rest}
          className={joinTokens(block, className)}
          data-state={description ? 'ready' : billing.isPending ? 'loading' : 'error'}
          data-phase={description?.phase}
          data-status={description?.status}
          aria-busy={(description ? confirming : billing.isPending) || undefined}
        >
          {description ? (
            <>
              <div className={`${block}__header`}>
                <p className={`${block}__name`}>{plan ? planTitle(plan) : labels.planName(description)}</p>
                {/* A free plan's name already says "Free": no badge repeating it. */}
                {description.phase === 'free' ? null : (
                  <span className="saiku-billing-badge" data-phase={description.phase}>
                    {labels.status(description)}
                  </span>
                )}
              </div>
              {planPrice(block, plan, labels, locale)}
              {description.date ? <p className={`${block}__date`}>{labels.date(description.date)}</p> : null}
              {description.trialDaysLeft !== null ? (
                <p className={`${block}__trial`}>{labels.trialDaysLeft(description.trialDaysLeft)}</p>
              ) : null}
              {waiting ? <p className={`${block}__confirming`}>{news}</p> : null}
              {action === null ? null : (
                <div className={`${block}__actions`}>
                  {action ??
                    (description.needsPaymentMethod
                      ? billingAction('payment', labels, description)
                      : description.action === 'upgrade' && confirming
                        ? null
                        : billingAction(description.action, labels, description, upgradeTier))}
                </div>
              )}
            </>
          ) : (
            loadStatus(block, billing, labels.loading, labels)
          )}
        </section>
        {/* Announced once each step, outside the card (which is busy meanwhile). */}
        <span role="status" aria-live="polite" style={visuallyHidden}>
          {news}
        </span>
      </>
    );
  },
  { displayName: 'PlanCard' },
);
