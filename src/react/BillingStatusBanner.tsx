'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import type { BillingDescription } from '../core';
import { useBillingContext, type CheckoutReturnStatus } from './BillingContext';
import { joinTokens } from './joinTokens';
import { bannerLabels } from '../labels/bannerLabels';
import { paymentFixLabel, paymentFixLabels } from '../labels/buttonLabels';
import { confirmationLabels } from '../labels/confirmationLabels';
import { withOverrides, type BillingLabels } from '../labels/types';
import { ManageButton } from './ManageButton';
import { UpgradeButton } from './UpgradeButton';
import { useBillingDescription } from './useBillingDescription';

export interface BillingStatusBannerProps extends HTMLAttributes<HTMLDivElement> {
  /** Warn about a trial ending when this many days or fewer are left. @default 3 */
  trialWarningDays?: number;
  /** Hide the banner's action button. @default false */
  hideAction?: boolean;
}

type BannerLabels = typeof confirmationLabels & typeof paymentFixLabels & Pick<BillingLabels, 'banner'>;

type Tone = 'info' | 'warning' | 'danger' | 'success';
type Notice = { tone: Tone; message: string; action: 'manage' | 'payment' | 'upgrade' | null };

function noticeFor(
  d: BillingDescription,
  labels: BannerLabels,
  checkoutReturn: CheckoutReturnStatus,
  trialWarningDays: number,
): Notice | null {
  if (checkoutReturn === 'confirming' && !d.hasAccess)
    return { tone: 'info', message: labels.confirming, action: null };
  if (checkoutReturn === 'timed_out' && !d.hasAccess)
    return { tone: 'info', message: labels.confirmingTimedOut, action: null };
  const date = d.date?.formatted ?? null;
  switch (d.phase) {
    case 'trialing':
      return d.trialDaysLeft !== null && d.trialDaysLeft <= trialWarningDays
        ? { tone: 'info', message: labels.banner.trialEnding(d.trialDaysLeft, date), action: 'manage' }
        : null;
    case 'past_due':
      return { tone: 'warning', message: labels.banner.pastDue, action: 'payment' };
    case 'unpaid':
      return { tone: 'danger', message: labels.banner.unpaid, action: 'payment' };
    case 'canceled':
      return d.hasAccess
        ? { tone: 'warning', message: labels.banner.canceled(date), action: 'manage' }
        : { tone: 'danger', message: labels.banner.ended(date), action: 'upgrade' };
    default:
      // Stripe statuses without a phase of their own that still wait on the user.
      if (d.needsPaymentMethod && d.status === 'paused')
        return { tone: 'danger', message: labels.banner.paused, action: 'payment' };
      if (d.needsPaymentMethod && d.status === 'incomplete')
        return { tone: 'warning', message: labels.banner.incomplete, action: 'payment' };
      return checkoutReturn === 'confirmed'
        ? { tone: 'success', message: labels.confirmed, action: null }
        : null;
  }
}

/**
 * A notice when billing needs attention: trial ending, payment past due, unpaid, paused, incomplete,
 * canceled. Renders nothing otherwise.
 */
export const BillingStatusBanner = /* @__PURE__ */ Object.assign(
  function BillingStatusBanner({
    trialWarningDays = 3,
    hideAction = false,
    className,
    ...rest
  }: BillingStatusBannerProps): ReactNode {
    const { checkoutReturn, ...context } = useBillingContext('BillingStatusBanner');
    const overrides = context.labels;
    const labels: BannerLabels = {
      ...withOverrides({ ...confirmationLabels, ...paymentFixLabels }, overrides),
      banner: { ...bannerLabels, ...overrides?.banner },
    };
    const { description } = useBillingDescription();
    const notice = description ? noticeFor(description, labels, checkoutReturn, trialWarningDays) : null;
    if (!notice || !description) return null;
    return (
      <div
        {...rest}
        role="status"
        aria-live="polite"
        className={joinTokens('saiku-billing-banner', className)}
        data-tone={notice.tone}
        data-phase={description.phase}
      >
        <p className="saiku-billing-banner__message">{notice.message}</p>
        {hideAction || notice.action === null ? null : notice.action === 'upgrade' ? (
          <UpgradeButton />
        ) : (
          <ManageButton>
            {notice.action === 'payment' ? paymentFixLabel(labels, description) : labels.manage}
          </ManageButton>
        )}
      </div>
    );
  },
  { displayName: 'BillingStatusBanner' },
);
