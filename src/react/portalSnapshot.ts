/** The state a tab had when it left for the Portal, kept in that tab's sessionStorage for its return. */
import { parseBillingState, type BillingState } from '../core';

const snapshotKey = 'saiku-billing:portal-left';

/** Storage may be missing or refuse (private modes, sandboxed frames): the return then compares nothing. */
function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function savePortalSnapshot(state: BillingState | undefined): void {
  try {
    if (state) storage()?.setItem(snapshotKey, JSON.stringify(state));
    else storage()?.removeItem(snapshotKey);
  } catch {
    // quota or access refused: the return will only refetch once
  }
}

/** The saved state, or null when there is none (or it does not parse). */
export function readPortalSnapshot(): BillingState | null {
  try {
    const saved = storage()?.getItem(snapshotKey);
    return saved ? parseBillingState(JSON.parse(saved)) : null;
  } catch {
    return null;
  }
}

export function clearPortalSnapshot(): void {
  savePortalSnapshot(undefined);
}
