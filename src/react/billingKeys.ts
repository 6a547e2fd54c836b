import { billingStateQueryKey } from '../core';
import type { BillingStateQueryKey } from './billingQueryOptions';

// Its own module, so a page that fetches the state but never names a key does not carry it: a bundler
// cannot prove this literal free of side effects (it reads `billingStateQueryKey[0]`) and keeps it
// wherever its module is imported.
/** Query keys: `invalidateQueries({ queryKey: billingKeys.all })` refreshes everything billing. */
export const billingKeys = {
  all: [billingStateQueryKey[0]] as const,
  state: (): BillingStateQueryKey => billingStateQueryKey,
};
