import type { BillingState } from '../types';

const compared = [
  'tier',
  'subscriptionStatus',
  'billedFeaturesActive',
  'currentPeriodEnd',
  'trialEndsAt',
] as const;

/** Whether two states differ in what a person sees: tier, status, access or dates. */
export function stateDiffers(a: BillingState, b: BillingState): boolean {
  return compared.some((field) => a[field] !== b[field]);
}
