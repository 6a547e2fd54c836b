/**
 * The trip to Stripe and back, framework-free: one store of what is pending, what failed and how a
 * return stands, and the page's side of it (markers, tabs, events). React subscribes to it; going
 * (startAction.ts) and coming back (comeBack.ts, loaded only when a marker is present) act on it.
 */
import type { AccessRequirement } from '../access';
import type { BillingError } from '../BillingError';
import { clearReturnMarkers, readReturnMarkers, type ReturnMarkers } from '../markers';
import { parseBillingState } from '../parse';
import type { BillingBackend, BillingState, CheckoutSessionInput, PortalSessionInput } from '../types';
import type { BillingEvent } from './BillingEvent';
import { stateDiffers } from './stateDiffers';

/** Where a return from Checkout stands. */
export type CheckoutReturnStatus = 'idle' | 'confirming' | 'confirmed' | 'timed_out';

/** One caller's action: who started it, under the lock it holds (a hook's own, or a whole table's). */
export interface FlowCall {
  source: string;
  error: BillingError | null;
}

export interface FlowSnapshot {
  /**
   * By lock, the action under way (from the click until the page leaves) and the last failure, kept
   * until that lock's next action. A hook or button is its own lock; a pricing table is one for all its plans.
   */
  calls: Readonly<Record<string, FlowCall & { pending: boolean }>>;
  /** Back from Checkout: where the confirmation stands. */
  checkoutReturn: CheckoutReturnStatus;
  /**
   * The error code a no-JavaScript form route sent the browser back with, shown until the next
   * action or a state that differs from the one the page had.
   */
  returnedError: string | null;
  /**
   * The paywall, while open: what the gated action needs (none: any paid plan). Absent or null while
   * closed. Set only through src/core/flow/paywall.ts, so a page without a paywall carries none of it.
   */
  paywall?: PaywallRequest | null;
}

/** An open paywall's request. */
export interface PaywallRequest {
  requirement: AccessRequirement | undefined;
}

export interface BillingFlowOptions {
  backend: BillingBackend;
  /** Sends the browser to a checked session URL. */
  navigate: (url: string) => void;
  allowedRedirectHosts: readonly string[];
  /** Defaults for every Checkout session. */
  checkout: Partial<CheckoutSessionInput>;
  /** Defaults for every Portal session. */
  portal: Partial<PortalSessionInput>;
  /** The state the page shows now, if it has one; never fetches. */
  peekState: () => BillingState | undefined;
  /** A fresh state, fetched now, which the page then shows. */
  fetchState: () => Promise<BillingState>;
  /** Shows a state another tab posted, without a request. */
  showState: (state: BillingState) => void;
  /** The host's analytics; what it throws is caught. */
  onEvent?: ((event: BillingEvent) => void) | undefined;
  /** Post each fetched state to the origin's other tabs and show theirs. @default true */
  syncTabs?: boolean | undefined;
  /** How long an action stays pending when the page does not leave after navigating. @default 10_000 */
  leaveTimeoutMs?: number | undefined;
}

export interface BillingFlow {
  getSnapshot(): FlowSnapshot;
  /** What the server renders and hydration starts from: no markers, nothing pending. */
  getServerSnapshot(): FlowSnapshot;
  subscribe(listener: () => void): () => void;
  /** Replaces the options (the provider passes its latest props). */
  configure(options: BillingFlowOptions): void;
  readonly options: BillingFlowOptions;
  /** Changes the snapshot and tells subscribers. */
  update(patch: Partial<FlowSnapshot>): void;
  /** Reports an event to `onEvent`, catching (and in development logging) what it throws. */
  emit(event: BillingEvent): void;
  /** Each state the page learns: `state_changed`, and with `syncTabs` the other tabs. */
  learn(state: BillingState, fetched: boolean): void;
  /** The last state this page fetched (not one it was given or another tab posted). */
  fetched(): BillingState | undefined;
  /** Starts the page's listeners and a return on a marker; the function undoes it. Counted, for StrictMode. */
  mount(): () => void;
}

/**
 * What the return needs from modules the page has already loaded. Handed over rather than imported, so
 * no bundler splits them into a shared chunk that every page would fetch on its first load.
 */
export interface ReturnKit {
  stateDiffers: typeof stateDiffers;
  parseBillingState: typeof parseBillingState;
  clearReturnMarkers: typeof clearReturnMarkers;
}

const idle: FlowSnapshot = { calls: {}, checkoutReturn: 'idle', returnedError: null };
const channelName = 'saiku-billing';

export function createBillingFlow(initialOptions: BillingFlowOptions): BillingFlow {
  let options = initialOptions;
  const listeners = new Set<() => void>();
  // Read once, when the page is made: clearing them from the address bar must not end a return.
  const markers: ReturnMarkers | null =
    typeof window === 'undefined' ? null : readReturnMarkers(window.location.search);
  let snapshot: FlowSnapshot = {
    ...idle,
    checkoutReturn: markers?.checkout ? 'confirming' : 'idle',
    returnedError: markers?.error ?? null,
  };
  let last: BillingState | undefined;
  let fetched: BillingState | undefined;
  let channel: BroadcastChannel | null = null;
  let mounts = 0;
  let returnRun: object | null = null;
  let stopReturn: (() => void) | undefined;
  let returned = !markers || !(markers.checkout || markers.canceled || markers.portal || markers.error);

  const flow: BillingFlow = {
    getSnapshot: () => snapshot,
    getServerSnapshot: () => idle,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get options() {
      return options;
    },
    configure(next) {
      options = next;
    },
    update(patch) {
      snapshot = { ...snapshot, ...patch };
      for (const listener of listeners) listener();
    },
    emit(event) {
      try {
        options.onEvent?.(event);
      } catch (error) {
        if (process.env.NODE_ENV !== 'production')
          console.error(`[@saiku/billing-react] onEvent threw on ${event.type}:`, error);
      }
    },
    fetched: () => fetched,
    learn(state, wasFetched) {
      const before = last;
      last = state;
      if (wasFetched) fetched = state;
      if (state === before) return;
      // A fetch, not a write such as another tab's (which would echo back).
      if (wasFetched) channel?.postMessage({ state });
      if (before && stateDiffers(before, state)) {
        flow.emit({ type: 'state_changed', state, previous: before });
        if (snapshot.returnedError !== null) flow.update({ returnedError: null });
      }
    },
    mount() {
      if (++mounts === 1) start();
      return () => {
        if (--mounts === 0) stop();
      };
    },
  };

  function start(): void {
    last ??= options.peekState();
    if ((options.syncTabs ?? true) && typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(channelName);
      channel.onmessage = (message: MessageEvent<{ state?: unknown } | null>) => {
        try {
          const state = parseBillingState(message.data?.state);
          // Only for the tenant this tab shows: another account's tab must never write here.
          if (last?.tenantId === state.tenantId) options.showState(state);
        } catch {
          // not ours, or malformed: never shown
        }
      };
    }
    if (markers && !returned) {
      const run = (returnRun = {});
      void import('./comeBack').then(({ comeBack }) => {
        if (returnRun !== run) return;
        stopReturn = comeBack(flow, markers, { stateDiffers, parseBillingState, clearReturnMarkers }, () => {
          returned = true;
        });
      });
    }
  }

  function stop(): void {
    channel?.close();
    channel = null;
    returnRun = null;
    stopReturn?.();
    stopReturn = undefined;
  }

  return flow;
}
