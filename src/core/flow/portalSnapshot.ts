/** The state a tab had when it left for the Portal, kept in that tab's sessionStorage for its return. */
import type { BillingState } from '../types';

const snapshotKey = 'saiku-billing:portal-left';

// Storage may be missing or refuse (private modes, sandboxed frames): the return then compares nothing.

export function savePortalSnapshot(state: BillingState | undefined): void {
  try {
    if (state) sessionStorage.setItem(snapshotKey, JSON.stringify(state));
    else sessionStorage.removeItem(snapshotKey);
  } catch {
    // the return will refetch once and report changed: false
  }
}

/** The saved state, checked with `parse` (`parseBillingState`), or null when there is none or it does not parse. */
export function readPortalSnapshot(parse: (json: unknown) => BillingState): BillingState | null {
  try {
    return parse(JSON.parse(sessionStorage.getItem(snapshotKey) ?? ''));
  } catch {
    return null;
  }
}

export function clearPortalSnapshot(): void {
  savePortalSnapshot(undefined);
}
