import type { AccessRequirement } from '../access';
import type { BillingState, Tier } from '../types';

/**
 * What the provider's `onEvent` receives, once per occurrence on the page. `switch (event.type)`
 * narrows to each member's fields.
 */
export type BillingEvent =
  /** A click asked for a Checkout session for `tier`. */
  | { type: 'checkout_started'; tier: Tier }
  /** Back on the success URL, and the state confirms access. */
  | { type: 'checkout_completed'; state: BillingState }
  /** Back on the success URL, but the state did not confirm access in time (the webhook is late). */
  | { type: 'checkout_unconfirmed' }
  /** Back on the cancel URL. */
  | { type: 'checkout_canceled' }
  /** A Portal session was minted and the browser (or a new tab) is on its way there. */
  | { type: 'portal_opened' }
  /** Back from the Portal; `changed` tells whether the state differs from the one the page had before. */
  | { type: 'portal_returned'; state: BillingState; changed: boolean }
  /** A newly learned state differs from the previous one in tier, status, access or dates (never on the first load). */
  | { type: 'state_changed'; state: BillingState; previous: BillingState }
  /** `usePaywall().open()` showed the paywall, for what the gated action needs (none: any paid plan). */
  | { type: 'paywall_opened'; requirement?: AccessRequirement }
  /** The paywall closed: its close button, Escape, or `usePaywall().close()`. */
  | { type: 'paywall_closed' };

/** Reports an event to the host's `onEvent`; a throwing handler never reaches the flow that emitted. */
export type EmitBillingEvent = (event: BillingEvent) => void;
