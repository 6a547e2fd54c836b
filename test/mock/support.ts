// Shared helpers for the simulator tests: a fixed clock and terse requests.
import { createBillingSimulator, type BillingSimulator, type BillingSimulatorOptions } from '../../src/mock';

export const start = new Date('2026-03-10T12:00:00.000Z');
export const DAY = 86_400_000;
export const MINUTE = 60_000;

/** A simulator on a frozen base clock: time moves only with `advance()`. */
export function simulatorAt(options: BillingSimulatorOptions = {}): BillingSimulator {
  return createBillingSimulator({ now: () => start, ...options });
}

export const saiku = 'https://api.saiku.bi';

export interface CallOptions {
  key?: string | null;
  method?: string;
  body?: unknown;
  rawBody?: string;
}

/** A request to the simulated Saiku API, with a Bearer key (`key: null` sends none). */
export function call(
  simulator: BillingSimulator,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const headers = new Headers();
  const key = options.key === undefined ? 'sk_test_a' : options.key;
  if (key !== null) headers.set('Authorization', `Bearer ${key}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  return simulator.fetch(
    new Request(`${saiku}${path}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      ...(body === undefined ? {} : { body }),
    }),
  );
}

export const checkoutInput = {
  tier: 'team',
  email: 'alice@acme.test',
  name: 'Acme Corp',
  successUrl: 'https://app.acme.test/billing?saiku_checkout=success',
  cancelUrl: 'https://app.acme.test/billing',
};

export const portalInput = { returnUrl: 'https://app.acme.test/billing' };

/** A form POST, as a browser sends it when a button on a stand-in page is pressed. */
export function submit(
  simulator: BillingSimulator,
  action: string,
  fields: Record<string, string> = {},
): Promise<Response> {
  return simulator.fetch(
    new Request(action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** Mints a checkout session for a key, completes it, and lands the webhook. */
export async function subscribe(
  simulator: BillingSimulator,
  key = 'sk_test_a',
  tier = 'team',
): Promise<void> {
  const response = await call(simulator, '/me/billing/checkout-session', {
    key,
    body: { ...checkoutInput, tier },
  });
  const { sessionId } = (await response.json()) as { sessionId: string };
  simulator.completeCheckout(sessionId);
  simulator.advance(simulator.webhookDelayMs);
}
