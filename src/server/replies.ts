/**
 * How the proxy answers: each step returns a `Reply` (data, with its status where it is made), and
 * `send`, the one edge, makes it a `Response`: JSON, a small HTML page for people without
 * JavaScript, or a 303; never the key.
 */
import { escapeHtml } from '../core/escapeHtml';
import { containsSecret, redactSecret } from '../core/redactSecret';
import { scrubJson } from './scrubSecret';

/** The `error` field of every JSON error the proxy sends. */
export type ProxyErrorCode =
  /** 400: a malformed body, a missing or wrong field, a return URL that is not allowed. */
  | 'invalid_request'
  /** 401: the key resolver returned null (the host's auth refused), or Saiku refused the key. */
  | 'unauthorized'
  /** 409 from Saiku: the tenant has no Stripe customer yet, so there is no portal. */
  | 'no_customer'
  /** 409 from the duplicate guard: the tenant already has a subscription, so no Checkout was minted. */
  | 'already_subscribed'
  /** 429 from the proxy's own limit on session mints, or from Saiku; with `Retry-After` (seconds). */
  | 'rate_limited'
  /** 502: Saiku unreachable, failing (5xx), or answering with a body that is not the documented shape. */
  | 'upstream'
  /** 504: Saiku did not answer within `timeoutMs`. */
  | 'timeout'
  /** 403: a cross-site POST (`Origin` not allowed, or `Sec-Fetch-Site: cross-site`). */
  | 'forbidden'
  /** 404: no route at this path. */
  | 'not_found'
  /** 405: the route exists with another method; see `Allow`. */
  | 'method_not_allowed'
  /** 408: the request body had not all arrived within `bodyTimeoutMs`. */
  | 'request_timeout'
  /** 413: a body over 16 KiB. */
  | 'payload_too_large'
  /** 415: a JSON route without a JSON body, or a form route without a urlencoded one. */
  | 'unsupported_media_type'
  /** 499: the client closed the connection before the answer (nobody reads it; no Saiku call is made). */
  | 'client_closed'
  /** 500: the host's own code (the key resolver, `customer`) failed; no detail is sent. */
  | 'internal';

/** One answer of the proxy, not yet a `Response`: a step returns it, and only `send` sends it. */
export class Reply {
  constructor(
    readonly status: number,
    readonly content: { data: unknown } | { error: ProxyErrorCode; message: string } | { location: string },
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}
}

/** 200 with a JSON body. */
export const ok = (data: unknown): Reply => new Reply(200, { data });

/** An error: `{ error, message }` as JSON, or as a page for a person on a form route. */
export function fail(
  status: number,
  error: ProxyErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  return new Reply(status, { error, message }, headers);
}

/** 303 See Other: where a form post goes next (Stripe, or back to the host's page). */
export const seeOther = (location: string): Reply => new Reply(303, { location });

/** The client left before the answer: nobody reads it, and it is no failure to log. */
export const clientClosed = (): Reply => fail(499, 'client_closed', 'The client closed the connection.');

/** What `send` needs besides the reply. */
export interface Edge {
  /** The key to keep out: a configured string from the first byte, a resolved one once known. */
  secret: string | null;
  /** Set on a form route when the browser asked for HTML: an error becomes a page linking back here. */
  backLink: string | null;
}

/** Saiku's messages are passed on; none needs more than this. */
const maxMessageLength = 500;

const baseHeaders = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/**
 * The one place a `Reply` becomes a `Response`, and the one place the key is kept out of what is
 * said: every string (body, message, `Location`, link back) is cleared of it in every spelling
 * `redactSecret` knows, and an answer that would still carry it is withheld.
 */
export function send(reply: Reply, { secret, backLink }: Edge): Response {
  const { status, content, headers } = reply;
  if ('location' in content) {
    if (containsSecret(content.location, secret)) return withheld();
    return new Response(null, { status, headers: { ...baseHeaders, Location: content.location } });
  }
  if ('data' in content) return json(status, content.data, headers, secret);
  // Cut after the key is out, so no part of it is left at the cut.
  const message = truncate(redactSecret(content.message, secret), maxMessageLength);
  if (backLink !== null) return page(status, message, redactSecret(backLink, secret), headers);
  return json(status, { error: content.error, message }, headers, secret);
}

function json(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>>,
  secret: string | null,
) {
  const text = JSON.stringify(scrubJson(body, secret));
  if (containsSecret(text, secret)) return withheld();
  return withBody(text, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

function page(status: number, message: string, back: string, headers: Readonly<Record<string, string>>) {
  const html = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Billing is unavailable</title>
<h1>We could not open billing</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(back)}">Go back</a></p>
`;
  return withBody(html, status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'",
    ...headers,
  });
}

// Only a broken or hostile upstream can put the key in what we would send: send nothing of it.
function withheld(): Response {
  const body = {
    error: 'upstream',
    message: 'The Saiku API answered with something that cannot be passed on.',
  };
  return withBody(JSON.stringify(body), 502, { 'Content-Type': 'application/json; charset=utf-8' });
}

const encoder = new TextEncoder();
const ascii = /^\p{ASCII}*$/u;

function withBody(text: string, status: number, headers: Record<string, string>): Response {
  // The UTF-8 length without encoding when the text is ASCII, as the proxy's answers mostly are.
  const length = ascii.test(text) ? text.length : encoder.encode(text).byteLength;
  return new Response(text, {
    status,
    headers: { ...baseHeaders, 'Content-Length': String(length), ...headers },
  });
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
