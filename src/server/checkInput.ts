/** Turns an untrusted body into exactly the fields the seed names, or a 400 saying which one is wrong. */
import { checkReturnUrlShape } from '../core/returnUrl';
import { isLoopbackHost } from '../core/secureUrl';
import type { CheckoutSessionInput, PortalSessionInput } from '../core/types';
import { fail, Reply } from './replies';

const maxEmailLength = 254;
const maxNameLength = 256;

/**
 * Control characters (C0, DEL, C1) and bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, which make a name read backwards) have no place in a name or an email address.
 */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}

/** One `@`, something on each side, and no whitespace, angle brackets or quotes anywhere. */
const emailShape = /^[^\s@<>"'`]+@[^\s@<>"'`]+$/;

/** Reads one field of a body; `undefined` when it is absent. */
export type Fields = (name: string) => unknown;

export interface InputRules {
  tiers: ReadonlySet<string>;
  allowedOrigins: ReadonlySet<string>;
  /** Production with the default origins: a loopback return URL is refused even on the request's origin. */
  refuseLoopback?: boolean;
}

/** Every refusal in this file: 400 `invalid_request`, saying what is wrong. */
const invalid = (message: string): Reply => fail(400, 'invalid_request', message);

export function jsonFields(text: string): Fields | Reply {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid('The request body is not valid JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return invalid('The request body must be a JSON object.');
  }
  const body = json as Record<string, unknown>;
  return (name) => (Object.hasOwn(body, name) ? body[name] : undefined);
}

/**
 * Form fields, from the body and the action's query string; an empty field counts as absent, and one
 * sent twice (in either, or in both) is refused rather than guessed at.
 */
export function formFields(text: string, query = ''): Fields | Reply {
  const fields = new Map<string, string>();
  for (const [name, value] of [...new URLSearchParams(query), ...new URLSearchParams(text)]) {
    if (fields.has(name)) return invalid(`The form sends ${name} more than once.`);
    fields.set(name, value);
  }
  return (name) => (fields.get(name) === '' ? undefined : fields.get(name));
}

/**
 * An absolute `https:` URL (plain `http:` only on a loopback host) on an allowed origin,
 * without credentials; returns it normalised, which is what goes upstream.
 */
export function checkReturnUrl(
  field: string,
  value: unknown,
  allowedOrigins: ReadonlySet<string>,
  refuseLoopback = false,
): string | Reply {
  if (typeof value !== 'string' || value === '') return invalid(`${field} must be an absolute URL.`);
  const checked = checkReturnUrlShape(value, field);
  if ('problem' in checked) return invalid(checked.problem);
  const { url } = checked;
  if (refuseLoopback && isLoopbackHost(url.hostname)) {
    return invalid(`${field} is on a loopback host, refused in production unless allowedOrigins names it.`);
  }
  if (!allowedOrigins.has(url.origin)) {
    return invalid(`${field} is not on an allowed origin (see the proxy's allowedOrigins option).`);
  }
  return url.href;
}

function checkTier(value: unknown, tiers: ReadonlySet<string>): string | Reply {
  if (typeof value !== 'string' || !tiers.has(value)) {
    return invalid(`tier must be one of: ${[...tiers].join(', ')}.`);
  }
  return value;
}

function optionalText(field: string, value: unknown, maxLength: number): string | undefined | Reply {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > maxLength) {
    return invalid(`${field}, when given, must be a string of at most ${maxLength} characters.`);
  }
  if (hasControlCharacter(value)) {
    return invalid(`${field} must not contain control or bidirectional-override characters.`);
  }
  return value;
}

function optionalEmail(value: unknown): string | undefined | Reply {
  const email = optionalText('email', value, maxEmailLength);
  if (typeof email === 'string' && !emailShape.test(email))
    return invalid('email must be an email address (one @, no spaces, angle brackets or quotes).');
  return email;
}

/** Stand-ins for URLs a form post leaves out (form posts only; JSON callers must name them). */
export interface DefaultUrls {
  successUrl: string;
  cancelUrl: string;
}

export function checkCheckoutFields(
  fields: Fields,
  rules: InputRules,
  defaults?: DefaultUrls,
): CheckoutSessionInput | Reply {
  const { allowedOrigins, refuseLoopback } = rules;
  const tier = checkTier(fields('tier'), rules.tiers);
  if (tier instanceof Reply) return tier;
  const successUrl = checkReturnUrl(
    'successUrl',
    fields('successUrl') ?? defaults?.successUrl,
    allowedOrigins,
    refuseLoopback,
  );
  if (successUrl instanceof Reply) return successUrl;
  const cancelUrl = checkReturnUrl(
    'cancelUrl',
    fields('cancelUrl') ?? defaults?.cancelUrl,
    allowedOrigins,
    refuseLoopback,
  );
  if (cancelUrl instanceof Reply) return cancelUrl;
  const email = optionalEmail(fields('email'));
  if (email instanceof Reply) return email;
  const name = optionalText('name', fields('name'), maxNameLength);
  if (name instanceof Reply) return name;
  return {
    tier,
    ...(email === undefined ? {} : { email }),
    ...(name === undefined ? {} : { name }),
    successUrl,
    cancelUrl,
  };
}

export function checkPortalFields(
  fields: Fields,
  rules: InputRules,
  defaultUrl?: string,
): PortalSessionInput | Reply {
  const returnUrl = checkReturnUrl(
    'returnUrl',
    fields('returnUrl') ?? defaultUrl,
    rules.allowedOrigins,
    rules.refuseLoopback,
  );
  return returnUrl instanceof Reply ? returnUrl : { returnUrl };
}
