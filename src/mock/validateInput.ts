/** The checks the Saiku API runs on request bodies, shared by the HTTP routes and the in-memory backend. */
import { BillingError } from '../core/BillingError';
import { checkReturnUrlShape } from '../core/returnUrl';
import { knownTiers } from '../core/tiers';
import type { CheckoutSessionInput, PortalSessionInput } from '../core/types';

const maxTextLength = 512;

function invalid(message: string): BillingError {
  return new BillingError('invalid_request', message, { status: 400 });
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) throw invalid(`${field} is required.`);
  if (typeof value !== 'string') throw invalid(`${field} must be a string.`);
  return value;
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`${field} must be a string.`);
  if (value.length > maxTextLength) throw invalid(`${field} must be at most ${maxTextLength} characters.`);
  return value;
}

export function isKnownTier(value: string): boolean {
  return (knownTiers as readonly string[]).includes(value);
}

/** An absolute `https:` URL, or `http:` on a loopback host (local development); anything else is a 400. */
export function checkReturnUrl(value: string, field: string): string {
  const checked = checkReturnUrlShape(value, field);
  if ('problem' in checked) throw invalid(checked.problem);
  return value;
}

/** Validates a `POST /me/billing/checkout-session` body; throws `BillingError('invalid_request')` with status 400. */
export function checkCheckoutBody(body: unknown): CheckoutSessionInput {
  const object = asObject(body);
  const tier = requiredString(object, 'tier');
  if (!isKnownTier(tier))
    throw invalid(`Unknown tier "${tier.slice(0, 40)}". Known tiers: ${knownTiers.join(', ')}.`);
  const successUrl = checkReturnUrl(requiredString(object, 'successUrl'), 'successUrl');
  const cancelUrl = checkReturnUrl(requiredString(object, 'cancelUrl'), 'cancelUrl');
  const email = optionalString(object, 'email');
  const name = optionalString(object, 'name');
  return {
    tier,
    successUrl,
    cancelUrl,
    ...(email === undefined ? {} : { email }),
    ...(name === undefined ? {} : { name }),
  };
}

/** Validates a `POST /me/billing/portal-session` body; throws `BillingError('invalid_request')` with status 400. */
export function checkPortalBody(body: unknown): PortalSessionInput {
  const object = asObject(body);
  return { returnUrl: checkReturnUrl(requiredString(object, 'returnUrl'), 'returnUrl') };
}
