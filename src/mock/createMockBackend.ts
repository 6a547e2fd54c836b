/** A `BillingBackend` that talks to a simulator in memory: for component tests and stories without a network. */
import type { BillingBackend } from '../core/types';
import type { BillingSimulator } from './createBillingSimulator';

export interface MockBackendOptions {
  /**
   * Wait this long before each answer, to show pending states in stories. `0` answers on
   * the next microtask, with no timer.
   * @default 0
   */
  latencyMs?: number;
}

/**
 * The default tenant of `simulator` as a backend. Answers are copies; invalid input and a
 * missing customer reject with the `BillingError` the HTTP paths would give
 * (`invalid_request`, `no_customer` with status 409).
 */
export function createMockBackend(simulator: BillingSimulator, options: MockBackendOptions = {}): BillingBackend {
  const latencyMs = options.latencyMs ?? 0;
  return {
    async getState({ signal } = {}) {
      await wait(latencyMs, signal);
      return simulator.getState();
    },
    async createCheckoutSession(input) {
      await wait(latencyMs);
      return simulator.createCheckoutSession(input);
    },
    async createPortalSession(input) {
      await wait(latencyMs);
      return simulator.createPortalSession(input);
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
