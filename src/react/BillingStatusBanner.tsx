'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import type { BillingDescription } from '../core';
import { useBillingContext, useFlowSnapshot, type CheckoutReturnStatus } from './BillingContext';
import { billingAction } from './cardParts';
import { joinTokens } from './joinTokens';
import { bannerLabels } from '../labels/bannerLabels';
import { paymentFixLabels } from '../labels/buttonLabels';
import { confirmationLabels } from '../labels/confirmationLabels';
import { mergeLabels } from '../labels/mergeLabels';
import { useBillingDescription } from './useBillingDescription';

export interface BillingStatusBannerProps extends HTMLAttributes<HTMLDivElement> {
  /** Warn about a trial ending when this many days or fewer are left. @default 3 */
  trialWarningDays?: number;
  /** Hide the banner's action button. @default false */
  hideAction?: boolean;
}

const defaults = { ...confirmationLabels, ...paymentFixLabels, banner: bannerLabels };
type BannerLabels = typeof defaults;

type Tone = 'info' | 'warning' | 'danger' | 'success';
/** The banner's tone, message and action (none for news of a return from Checkout). */
type Notice = [tone: Tone, message: string, action?: 'manage' | 'payment' | 'upgrade'];

function noticeFor(
  d: BillingDescription,
  labels: BannerLabels,
  checkoutReturn: CheckoutReturnStatus,
  trialWarningDays: number,
): Notice | null {
  if (!d.hasAccess && checkoutReturn === 'confirming') return ['info', labels.confirming];
  if (!d.hasAccess && checkoutReturn === 'timed_out') return ['info', labels.confirmingTimedOut];
  const { banner } = labels;
  const date = d.date?.formatted ?? null;
  switch (d.phase) {
    case 'trialing':
      return d.trialDaysLeft !== null && d.trialDaysLeft <= trialWarningDays
        ? ['info', banner.trialEnding(d.trialDaysLeft, date), 'manage']
        : null;
    case 'past_due':
      return ['warning', banner.pastDue, 'payment'];
    case 'unpaid':
      return ['danger', banner.unpaid, 'payment'];
    case 'canceled':
      return d.hasAccess
        ? ['warning', banner.canceled(date), 'manage']
        : ['danger', banner.ended(date), 'upgrade'];
  }
  // Stripe statuses without a phase of their own that still wait on the user.
  if (d.needsPaymentMethod && d.status === 'paused') return ['danger', banner.paused, 'payment'];
  if (d.needsPaymentMethod && d.status === 'incomplete') return ['warning', banner.incomplete, 'payment'];
  return checkoutReturn === 'confirmed' ? ['success', labels.confirmed] : null;
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
    const { flow, labels: overrides } = useBillingContext('BillingStatusBanner');
    const checkoutReturn = useFlowSnapshot(flow, (snapshot) => snapshot.checkoutReturn);
    const labels = mergeLabels(defaults, overrides);
    const { description } = useBillingDescription();
    const notice = description && noticeFor(description, labels, checkoutReturn, trialWarningDays);
    if (!notice) return null;
    const [tone, message, action] = notice;
    return (
      <div
        {...rest}
        role="status"
        aria-live="polite"
        className={joinTokens('saiku-billing-banner', className)}
        data-tone={tone}
        data-phase={description.phase}
      >
        <p className="saiku-billing-banner__message">{message}</p>
        {hideAction || !action ? null : billingAction(action, labels, description)}
      </div>
    );
  },
  { displayName: 'BillingStatusBanner' },
);
