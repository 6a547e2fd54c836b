/** Run-time validation of every body that crosses the network: nothing is trusted by cast. */
import { BillingError } from './BillingError';
import type { BillingState, CheckoutSession, PortalSession } from './types';

type Json = Record<string, unknown>;

/** What each field of a body must be: a non-empty string, a string or null, an ISO date or null, a boolean. */
type Kind = 'string' | 'nullable' | 'date' | 'boolean';

const expected: Record<Kind, string> = {
  string: 'a non-empty string',
  nullable: 'a string or null',
  date: 'an ISO 8601 date or null',
  boolean: 'a boolean',
};

function invalid(message: string): BillingError {
  return new BillingError('invalid_response', message);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}

function asObject(json: unknown, what: string): Json {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalid(`Expected ${what} to be a JSON object, got ${describeValue(json)}.`);
  }
  return json as Json;
}

// Nullable, not optional: a nullable key must be there, as in every body the API documents.
function field(body: Json, key: string, kind: Kind, what: string): unknown {
  const value = body[key];
  const valid =
    kind === 'boolean'
      ? typeof value === 'boolean'
      : kind === 'string'
        ? typeof value === 'string' && value !== ''
        : key in body &&
          (value === null ||
            (typeof value === 'string' && (kind === 'nullable' || !Number.isNaN(Date.parse(value)))));
  if (!valid) {
    throw invalid(
      `${what}.${key} must be ${expected[kind]}, got ${key in body ? describeValue(value) : 'nothing'}.`,
    );
  }
  return value;
}

const stateFields: Record<keyof BillingState, Kind> = {
  tenantId: 'string',
  tier: 'string',
  stripeCustomerId: 'nullable',
  subscriptionStatus: 'nullable',
  currentPeriodEnd: 'date',
  trialEndsAt: 'date',
  billedFeaturesActive: 'boolean',
};

/** The fields `kinds` names, each checked, from the body of `what`; nothing else. */
function parseBody<T>(json: unknown, what: string, kinds: Record<string, Kind>): T {
  const body = asObject(json, what);
  const parsed: Json = {};
  for (const key in kinds) parsed[key] = field(body, key, kinds[key] as Kind, what);
  return parsed as T;
}

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
  return parseBody(json, 'checkout session', { url: 'string', sessionId: 'string' });
}

/** Validates a `POST /me/billing/portal-session` body. */
export function parsePortalSession(json: unknown): PortalSession {
  return parseBody(json, 'portal session', { url: 'string' });
}

/** Reads `{ error, message }` (or `{ code, message }`) from an error body; anything else gives nulls. */
export function parseErrorBody(json: unknown): { error: string | null; message: string | null } {
  // An array or a primitive has none of these keys: nulls.
  const body = ((typeof json === 'object' && json) || {}) as Json;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { error: text(body.error) ?? text(body.code), message: text(body.message) };
}
