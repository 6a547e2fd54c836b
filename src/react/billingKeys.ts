import { billingStateQueryKey } from '../core';
import type { BillingStateQueryKey } from './billingQueryOptions';

// Its own module: a bundler cannot prove the object literal free of side effects (it reads
// `billingStateQueryKey[0]`), so beside billingQueryOptions it came along on every page that fetched.
/** Query keys: `invalidateQueries({ queryKey: billingKeys.all })` refreshes everything billing. */
export const billingKeys = {
  all: [billingStateQueryKey[0]] as const,
  state: (): BillingStateQueryKey => billingStateQueryKey,
};
