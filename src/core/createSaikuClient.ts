import { anySignal } from './anySignal';
import { checkApiKey } from './apiKey';
import { requestJson } from './http';
import { redactSecret } from './redactSecret';
import { parseBillingState, parseCheckoutSession, parsePortalSession } from './parse';
import { readCappedText } from './readCappedText';
import type { BillingBackend, CheckoutSessionInput, PortalSessionInput } from './types';

export interface SaikuClientOptions {
  /**
   * The tenant's secret Saiku API key. Server side only: never ship it to a browser. Trimmed (a
   * trailing newline from a secrets file is dropped); whitespace inside it is a `TypeError`.
   */
  apiKey: string;
  /** @default 'https://api.saiku.bi' */
  baseUrl?: string;
  /** @default globalThis.fetch at call time */
  fetch?: typeof fetch;
  /** Fail with `BillingError('timeout')` after this long. @default 10000 */
  timeoutMs?: number;
  /**
   * Aborts every call made through this client, and starts none, once it fires (the proxy passes
   * its request's signal, so a browser that has left gets no session). @default undefined
   */
  signal?: AbortSignal;
}

export const defaultSaikuBaseUrl = 'https://api.saiku.bi';

/** Talks to the Saiku Billing API with the Bearer key: for servers and scripts, and what the proxy uses. */
export function createSaikuClient(options: SaikuClientOptions): BillingBackend {
  const apiKey =
    typeof options?.apiKey === 'string' ? checkApiKey(options.apiKey, 'createSaikuClient') : null;
  // A missing key is the caller's mistake, not Saiku's refusal: a TypeError, as for any misused option.
  if (apiKey === null) throw new TypeError('createSaikuClient needs an apiKey: a non-empty string.');
  const base = (options.baseUrl ?? defaultSaikuBaseUrl).replace(/\/+$/, '');
  const common = {
    fetch: options.fetch,
    headers: { Authorization: `Bearer ${apiKey}` },
    timeoutMs: options.timeoutMs ?? 10_000,
    service: 'the Saiku API',
    redact: (text: string) => redactSecret(text, apiKey),
    // Servers call Saiku: its answer is read within the time limit and capped at 64 KiB.
    readText: readCappedText,
    signal: options.signal,
  };
  return {
    async getState({ signal } = {}) {
      const signals = [signal, options.signal].filter((item) => item !== undefined);
      const combined = signals.length > 1 ? anySignal(signals) : null;
      try {
        return parseBillingState(
          await requestJson(`${base}/me/billing/state`, {
            ...common,
            method: 'GET',
            signal: combined?.signal ?? signals[0],
          }),
        );
      } finally {
        combined?.release();
      }
    },
    async createCheckoutSession(input: CheckoutSessionInput) {
      return parseCheckoutSession(
        await requestJson(`${base}/me/billing/checkout-session`, { ...common, method: 'POST', body: input }),
      );
    },
    async createPortalSession(input: PortalSessionInput) {
      return parsePortalSession(
        await requestJson(`${base}/me/billing/portal-session`, { ...common, method: 'POST', body: input }),
      );
    },
  };
}
