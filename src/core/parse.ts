/** Run-time validation of every body that crosses the network: nothing is trusted by cast. */
import { BillingError } from './BillingError';
import type { BillingState, CheckoutSession, PortalSession } from './types';

type Json = Record<string, unknown>;

function invalid(message: string): BillingError {
  return new BillingError('invalid_response', message);
}

function asObject(json: unknown, what: string): Json {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalid(`Expected ${what} to be a JSON object, got ${describeType(json)}.`);
  }
  return json as Json;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function string(body: Json, key: string, what: string): string {
  const value = body[key];
  if (typeof value !== 'string')
    throw invalid(`${what}.${key} must be a string, got ${describeType(value)}.`);
  return value;
}

function nonEmptyString(body: Json, key: string, what: string): string {
  const value = string(body, key, what);
  if (value === '') throw invalid(`${what}.${key} must not be empty.`);
  return value;
}

// Nullable, not optional: the key must be there, as in every body the API documents.
function nullableString(body: Json, key: string, what: string): string | null {
  if (!(key in body)) throw invalid(`${what}.${key} is missing.`);
  const value = body[key];
  if (value === null) return null;
  if (typeof value !== 'string')
    throw invalid(`${what}.${key} must be a string or null, got ${describeType(value)}.`);
  return value;
}

function nullableDate(body: Json, key: string, what: string): string | null {
  const value = nullableString(body, key, what);
  if (value !== null && Number.isNaN(Date.parse(value))) {
    throw invalid(`${what}.${key} must be an ISO 8601 date or null, got "${value.slice(0, 40)}".`);
  }
  return value;
}

// `null` is read as the API's "empty" status (free / pre-billing).
function status(body: Json, what: string): string {
  return nullableString(body, 'subscriptionStatus', what) ?? '';
}

/**
 * Validates a `GET /me/billing/state` body. Unknown `tier` and `subscriptionStatus`
 * strings are kept; a missing or wrongly typed field throws `BillingError('invalid_response')`.
 */
export function parseBillingState(json: unknown): BillingState {
  const what = 'billing state';
  const body = asObject(json, what);
  const billedFeaturesActive = body.billedFeaturesActive;
  if (typeof billedFeaturesActive !== 'boolean') {
    throw invalid(
      `${what}.billedFeaturesActive must be a boolean, got ${describeType(billedFeaturesActive)}.`,
    );
  }
  return {
    tenantId: nonEmptyString(body, 'tenantId', what),
    tier: nonEmptyString(body, 'tier', what),
    stripeCustomerId: nullableString(body, 'stripeCustomerId', what),
    subscriptionStatus: status(body, what),
    currentPeriodEnd: nullableDate(body, 'currentPeriodEnd', what),
    trialEndsAt: nullableDate(body, 'trialEndsAt', what),
    billedFeaturesActive,
  };
}

/** Validates a `POST /me/billing/checkout-session` body. */
export function parseCheckoutSession(json: unknown): CheckoutSession {
  const body = asObject(json, 'checkout session');
  return {
    url: nonEmptyString(body, 'url', 'checkout session'),
    sessionId: nonEmptyString(body, 'sessionId', 'checkout session'),
  };
}

/** Validates a `POST /me/billing/portal-session` body. */
export function parsePortalSession(json: unknown): PortalSession {
  const body = asObject(json, 'portal session');
  return { url: nonEmptyString(body, 'url', 'portal session') };
}

/** Reads `{ error, message }` (or `{ code, message }`) from an error body; anything else gives nulls. */
export function parseErrorBody(json: unknown): { error: string | null; message: string | null } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { error: null, message: null };
  const body = json as Json;
  const error =
    typeof body.error === 'string' ? body.error : typeof body.code === 'string' ? body.code : null;
  const message = typeof body.message === 'string' ? body.message : null;
  return { error, message };
}
