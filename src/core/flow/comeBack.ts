/**
 * Coming back from Stripe, loaded only on a page whose address carries one of our markers. After
 * Checkout, Stripe's webhook may reach Saiku after the browser: poll (backing off) until billed
 * features are on, ~30 s at most. After the Portal, poll the same way for ~15 s until the state
 * differs from the one the tab left with. Then report the event once and drop the markers without a
 * history entry.
 */
import type { ReturnMarkers } from '../markers';
import type { BillingState } from '../types';
import type { BillingFlow, ReturnKit } from './billingFlow';
import { clearPortalSnapshot, readPortalSnapshot } from './portalSnapshot';

/** How long the page polls for the webhook before telling the user it is still coming. */
export const confirmTimeoutMs = 30_000;

/** How long the page looks for the Portal's changes (they reach Saiku by webhook too). */
export const portalReturnTimeoutMs = 15_000;

/** Back-off between polls: 1 s, 1.5 s, 2.25 s … capped at 5 s (about 10 polls in 30 s). */
export function confirmPollDelay(attempt: number): number {
  return Math.min(1000 * 1.5 ** attempt, 5000);
}

/**
 * Runs the return the markers describe on `flow`; `done` is called once it has been reported. The
 * function returned stops polling (the page unmounted); a later mount runs the return again.
 */
export function comeBack(
  flow: BillingFlow,
  markers: ReturnMarkers,
  { stateDiffers, parseBillingState, clearReturnMarkers }: ReturnKit,
  done: () => void,
): () => void {
  if (!markers.checkout && !markers.portal) {
    // Nothing to wait for: a canceled Checkout, or a form route's error shown by the buttons.
    if (markers.canceled) flow.emit({ type: 'checkout_canceled' });
    clearReturnMarkers();
    done();
    return () => {};
  }
  const left = markers.portal ? readPortalSnapshot(parseBillingState) : null;
  const arrived = (state: BillingState) =>
    markers.checkout ? state.billedFeaturesActive : !left || stateDiffers(left, state);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: BillingState | undefined;
  const deadline = setTimeout(
    () => finish(false),
    markers.checkout ? confirmTimeoutMs : portalReturnTimeoutMs,
  );

  function finish(confirmed: boolean): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    clearTimeout(deadline);
    if (markers.checkout) {
      flow.update({ checkoutReturn: confirmed ? 'confirmed' : 'timed_out' });
      flow.emit(
        confirmed && latest
          ? { type: 'checkout_completed', state: latest }
          : { type: 'checkout_unconfirmed' },
      );
    } else {
      // Given up with no state at all (every poll failed): the error is on screen, nothing to report.
      if (latest)
        flow.emit({ type: 'portal_returned', state: latest, changed: !!left && stateDiffers(left, latest) });
      clearPortalSnapshot();
    }
    clearReturnMarkers();
    done();
  }

  async function poll(attempt: number): Promise<void> {
    try {
      // The page's own first request counts as the first poll: one request, not two.
      latest = (attempt === 0 && flow.fetched()) || (await flow.options.fetchState());
    } catch {
      // shown by the state query; keep polling until the deadline
    }
    if (stopped) return;
    if (latest && arrived(latest)) finish(true);
    else timer = setTimeout(() => void poll(attempt + 1), confirmPollDelay(attempt));
  }

  void poll(0);
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(deadline);
  };
}
