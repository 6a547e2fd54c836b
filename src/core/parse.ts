/** Run-time validation of every body that crosses the network: nothing is trusted by cast. */
import { BillingError } from './BillingError';
import type { BillingState, CheckoutSession, PortalSession } from './types';

type Json = Record<string, unknown>;

// What each field must be, in the words of the error message.
const text = 'a non-empty string';
const nullable = 'a string or null';
const date = 'an ISO 8601 date or null';
const flag = 'a boolean';
type Kind = typeof text | typeof nullable | typeof date | typeof flag;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}

function fails(what: string, value: unknown, expected = 'a JSON object'): BillingError {
  return new BillingError('invalid_response', `${what} must be ${expected}, got ${describeValue(value)}.`);
}

// Nullable, not optional: a nullable key must be there, as in every body the API documents.
function isValid(body: Json, key: string, kind: Kind): boolean {
  const value = body[key];
  if (kind === flag) return typeof value === 'boolean';
  if (typeof value === 'string')
    return kind === text ? value !== '' : kind === nullable || !Number.isNaN(Date.parse(value));
  return kind !== text && value === null;
}

/** The fields `kinds` names, each checked, from the body of `what`; nothing else. */
function parseBody<T>(json: unknown, what: string, kinds: Record<string, Kind>): T {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fails(what, json);
  const body = json as Json;
  const parsed: Json = {};
  for (const key in kinds) {
    const kind = kinds[key] as Kind;
    if (!isValid(body, key, kind)) throw fails(`${what}.${key}`, body[key], kind);
    parsed[key] = body[key];
  }
  return parsed as T;
}

const stateFields: Record<keyof BillingState, Kind> = {
  tenantId: text,
  tier: text,
  stripeCustomerId: nullable,
  subscriptionStatus: nullable,
  currentPeriodEnd: date,
  trialEndsAt: date,
  billedFeaturesActive: flag,
};

/**
 * Validates a `GET /me/billing/state` body. Unknown `tier` and `subscriptionStatus`
 * strings are kept; a missing or wrongly typed field throws `BillingError('invalid_response')`.
 */
export function parseBillingState(json: unknown): BillingState {
  const state = parseBody<BillingState>(json, 'billing state', stateFields);
  // `null` is read as the API's "empty" status (free / pre-billing).
  state.subscriptionStatus ??= '';
  return state;
}

/** Validates a `POST /me/billing/checkout-session` body. */
export function parseCheckoutSession(json: unknown): CheckoutSession {
  return parseBody(json, 'checkout session', { url: text, sessionId: text });
}

/** Validates a `POST /me/billing/portal-session` body. */
export function parsePortalSession(json: unknown): PortalSession {
  return parseBody(json, 'portal session', { url: text });
}

/** Reads `{ error, message }` (or `{ code, message }`) from an error body; anything else gives nulls. */
export function parseErrorBody(json: unknown): { error: string | null; message: string | null } {
  // An array or a primitive has none of these keys: nulls.
  const body = ((typeof json === 'object' && json) || {}) as Json;
  const string = (value: unknown) => (typeof value === 'string' ? value : null);
  return { error: string(body.error) ?? string(body.code), message: string(body.message) };
}
