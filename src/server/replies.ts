/** How the proxy answers: JSON errors, a small HTML page for people without JavaScript, 303s; never the key. */
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

/** A request the proxy turns down before anything goes upstream. Internal: becomes a response. */
export class Refusal extends Error {
  override readonly name = 'Refusal';
  constructor(
    readonly status: number,
    readonly code: ProxyErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const baseHeaders = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/**
 * One answer of the proxy, before it becomes a `Response`: its headers are a `Headers`, so they are
 * checked and named as a `Response`'s would be, inside the handler's error handling.
 */
export interface Reply {
  status: number;
  headers: Headers;
  /** UTF-8 text, or null for no body (303). */
  body: string | null;
}

export function toResponse(reply: Reply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

/** Builds every response of one request; knows the key once it is resolved, and scrubs it. */
export class Replier {
  /** The resolved key, to keep out of everything sent. */
  secret: string | null = null;
  /** Set on form routes when the browser asked for HTML: errors become a page with this link back. */
  htmlBackLink: string | null = null;

  json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
    const text = JSON.stringify(scrubJson(body, this.secret));
    if (containsSecret(text, this.secret)) return this.withheld();
    return withBody(text, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  }

  error(status: number, code: ProxyErrorCode, message: string, headers: Record<string, string> = {}): Reply {
    const safeMessage = redactSecret(message, this.secret);
    if (this.htmlBackLink !== null) return this.page(status, safeMessage, this.htmlBackLink, headers);
    return this.json(status, { error: code, message: safeMessage }, headers);
  }

  /** 303 See Other: where a form post goes next (Stripe, or back to the host's page). */
  redirect(location: string): Reply {
    if (containsSecret(location, this.secret)) return this.withheld();
    return { status: 303, headers: new Headers({ ...baseHeaders, Location: location }), body: null };
  }

  private page(status: number, message: string, back: string, headers: Record<string, string>): Reply {
    const html = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Billing is unavailable</title>
<h1>We could not open billing</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(redactSecret(back, this.secret))}">Go back</a></p>
`;
    return withBody(html, status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'",
      ...headers,
    });
  }

  // Only a broken or hostile upstream can put the key in what we would send: send nothing of it.
  private withheld(): Reply {
    const body = {
      error: 'upstream',
      message: 'The Saiku API answered with something that cannot be passed on.',
    };
    return withBody(JSON.stringify(body), 502, { 'Content-Type': 'application/json; charset=utf-8' });
  }
}

const encoder = new TextEncoder();
const ascii = /^\p{ASCII}*$/u;

function withBody(text: string, status: number, headers: Record<string, string>): Reply {
  // The UTF-8 length without encoding when the text is ASCII, as the proxy's answers mostly are.
  const length = ascii.test(text) ? text.length : encoder.encode(text).byteLength;
  return {
    status,
    headers: new Headers({ ...baseHeaders, 'Content-Length': String(length), ...headers }),
    body: text,
  };
}
