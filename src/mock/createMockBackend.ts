/** A `BillingBackend` that talks to a simulator in memory: for component tests and stories without a network. */
import { defaultSaikuBaseUrl } from '../core/createSaikuClient';
import { errorFromResponse } from '../core/http';
import { parseBillingState, parseCheckoutSession, parsePortalSession } from '../core/parse';
import type { BillingBackend } from '../core/types';
import type { BillingSimulator } from './BillingSimulator';
import { defaultApiKey } from './createBillingSimulator';

export interface MockBackendOptions {
  /**
   * Wait this long before each answer, to show pending states in stories. `0` answers
   * without a timer.
   * @default 0
   */
  latencyMs?: number;
}

const service = 'the billing simulator';

/**
 * The default tenant of `simulator` as a backend, with no network: each call goes through
 * `simulator.fetch` in memory, so answers are fresh copies, counted in `requestCounts()`, and
 * failures are the `BillingError`s the HTTP path gives (`invalid_request` 400, `no_customer` 409).
 */
export function createMockBackend(
  simulator: BillingSimulator,
  options: MockBackendOptions = {},
): BillingBackend {
  const latencyMs = options.latencyMs ?? 0;

  async function send(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    await wait(latencyMs, signal);
    // Cancelled while waiting (React's StrictMode remount does it at once): like a fetch aborted
    // before it was sent, it never reaches the simulator or its request counts.
    signal?.throwIfAborted();
    const response = await simulator.fetch(
      new Request(`${defaultSaikuBaseUrl}/me/billing/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${defaultApiKey}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    signal?.throwIfAborted();
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorFromResponse(response, json, service);
    return json;
  }

  return {
    async getState({ signal } = {}) {
      return parseBillingState(await send('state', undefined, signal));
    },
    async createCheckoutSession(input) {
      return parseCheckoutSession(await send('checkout-session', input));
    },
    async createPortalSession(input) {
      return parsePortalSession(await send('portal-session', input));
    },
  };
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
