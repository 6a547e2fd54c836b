'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import { currentPlan, formatPlanPrice, hasSubscription, type Tier } from '../core';
import { planNameFor } from '../core/describeBilling';
import { paymentFixLabel, paymentFixLabels } from '../labels/buttonLabels';
import { confirmationLabels } from '../labels/confirmationLabels';
import { loadLabels, planCardLabels } from '../labels/planCardLabels';
import { withOverrides } from '../labels/types';
import { useBillingContext } from './BillingContext';
import { joinTokens } from './joinTokens';
import { ManageButton } from './ManageButton';
import { UpgradeButton } from './UpgradeButton';
import { useBillingDescription } from './useBillingDescription';
import { VisuallyHidden } from './VisuallyHidden';

export interface PlanCardProps extends HTMLAttributes<HTMLElement> {
  /** The plan the upgrade action checks out. @default the provider's `checkout.tier` */
  upgradeTier?: Tier;
  /** Replace the built-in action (upgrade or manage) with your own; `null` hides it. */
  action?: ReactNode;
}

const defaults = { ...planCardLabels, ...loadLabels, ...confirmationLabels, ...paymentFixLabels };

/**
 * The plan, its status, the date that matters, and the upgrade-or-manage action. With the provider's
 * `plans`, a subscriber's plan name and price come from there.
 */

export const PlanCard = /* @__PURE__ */ Object.assign(
  function PlanCard({ upgradeTier, action, className, ...rest }: PlanCardProps): ReactNode {
    const { checkoutReturn, plans, locale, ...context } = useBillingContext('PlanCard');
    const labels = withOverrides(defaults, context.labels);
    const { description, state, isPending, error, refetch } = useBillingDescription();
    const classes = joinTokens('saiku-billing-plan-card', className);

    // Back from Checkout: announced once each step (outside the card, which is busy meanwhile).
    const announcement = (
      <VisuallyHidden role="status" aria-live="polite">
        {checkoutReturn === 'confirming'
          ? labels.confirming
          : checkoutReturn === 'confirmed'
            ? labels.confirmed
            : checkoutReturn === 'timed_out'
              ? labels.confirmingTimedOut
              : null}
      </VisuallyHidden>
    );

    if (!description) {
      return (
        <>
          <section
            aria-label={labels.planCardTitle}
            {...rest}
            className={classes}
            data-state={isPending ? 'loading' : 'error'}
            aria-busy={isPending || undefined}
          >
            {isPending ? (
              <p className="saiku-billing-plan-card__message">{labels.loading}</p>
            ) : (
              <>
                <p className="saiku-billing-plan-card__message" role="status" aria-live="polite">
                  {error ? labels.error(error) : null}
                </p>
                <button
                  type="button"
                  className="saiku-billing-button"
                  data-variant="secondary"
                  onClick={refetch}
                >
                  {labels.retry}
                </button>
              </>
            )}
          </section>
          {announcement}
        </>
      );
    }

    // A subscriber's plan, by its tier; without a subscription the card says "Free" as before.
    const plan = plans && state && hasSubscription(state) ? currentPlan(state, plans) : undefined;
    const confirming = checkoutReturn === 'confirming' && !description.hasAccess;
    const gaveUp = checkoutReturn === 'timed_out' && !description.hasAccess;
    return (
      <>
        <section
          aria-label={labels.planCardTitle}
          {...rest}
          className={classes}
          data-state="ready"
          data-phase={description.phase}
          data-status={description.status}
          aria-busy={confirming || undefined}
        >
          <div className="saiku-billing-plan-card__header">
            <p className="saiku-billing-plan-card__name">
              {plan ? (plan.name ?? planNameFor(plan.tier)) : labels.planName(description)}
            </p>
            {/* A free plan's name already says "Free": no badge repeating it. */}
            {description.phase === 'free' ? null : (
              <span className="saiku-billing-badge" data-phase={description.phase}>
                {labels.status(description)}
              </span>
            )}
          </div>
          {plan?.price !== undefined ? (
            <p className="saiku-billing-plan-card__price">
              {typeof plan.price === 'string'
                ? plan.price
                : labels.price(formatPlanPrice(plan.price, locale), plan.price.interval)}
            </p>
          ) : null}
          {description.date ? (
            <p className="saiku-billing-plan-card__date">{labels.date(description.date)}</p>
          ) : null}
          {description.trialDaysLeft !== null ? (
            <p className="saiku-billing-plan-card__trial">
              {labels.trialDaysLeft(description.trialDaysLeft)}
            </p>
          ) : null}
          {confirming || gaveUp ? (
            <p className="saiku-billing-plan-card__confirming">
              {confirming ? labels.confirming : labels.confirmingTimedOut}
            </p>
          ) : null}
          {action === null ? null : (
            <div className="saiku-billing-plan-card__actions">
              {action ??
                // Past due, unpaid, paused or incomplete: the subscription exists and a payment in the
                // portal restores it; a second Checkout would start a second subscription.
                (description.needsPaymentMethod ? (
                  <ManageButton>{paymentFixLabel(labels, description)}</ManageButton>
                ) : description.action === 'upgrade' ? (
                  confirming ? null : (
                    <UpgradeButton tier={upgradeTier} />
                  )
                ) : (
                  <ManageButton>{labels.manage}</ManageButton>
                ))}
            </div>
          )}
        </section>
        {announcement}
      </>
    );
  },
  { displayName: 'PlanCard' },
);
