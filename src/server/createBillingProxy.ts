/** The proxy the host mounts on its own server: it adds the Saiku API key, so the key never reaches a browser. */
import { BillingError } from '../core/BillingError';
import { createSaikuClient } from '../core/createSaikuClient';
import { stripReturnMarkers, withCancelMarker, withCheckoutMarker, withPortalMarker } from '../core/markers';
import { hasSubscription } from '../core/plans';
import { checkDeclaredLength, readBodyText } from '../core/readBody';
import type { BillingState } from '../core/types';
import type { Call } from './call';
import { checkCheckoutFields, checkPortalFields, formFields, jsonFields, type Fields } from './checkInput';
import { acceptsHtml, backWithError, formFallbackUrl, portalRedirect } from './formFallback';
import { checkMediaType, checkSameSite } from './guards';
import { customerOf, internalError, report, resolveKey } from './hostCallbacks';
import { resolveOptions, type ProxyConfig, type ProxyOptions } from './proxyOptions';
import { consumeMint, hashedKey } from './rateLimit';
import { fail, ok, Reply, seeOther, send, type Edge } from './replies';
import { routeAt, type Route } from './routes';
import { stateKey } from './stateStore';
import { checkSessionUrl, fromSaiku } from './upstream';

/**
 * What `createBillingProxy` returns: a fetch-standard handler that also names the path it serves,
 * so `toNodeHandler` (or any host router) can leave other paths alone without being told twice.
 */
export interface BillingProxyHandler {
  (request: Request): Promise<Response>;
  /** The `basePath` option, without a trailing slash, e.g. `'/api/billing'`. */
  readonly basePath: string;
}

/**
 * Creates the billing proxy: a fetch-standard handler for `${basePath}/state`, `/checkout-session`,
 * `/portal-session` (JSON) and `/checkout`, `/portal` (HTML form posts answering 303). It never throws:
 * every failure is a `{ error, message }` JSON response (an HTML page for a form post from a browser).
 * @example
 * const handler = createBillingProxy({ apiKey: process.env.SAIKU_API_KEY ?? '' });
 * export { handler as GET, handler as POST };
 */
export function createBillingProxy(options: ProxyOptions): BillingProxyHandler {
  const config = resolveOptions(options);
  // A fixed key is kept out of answers from the first byte; a resolved one from when it is known.
  const fixedKey = typeof config.apiKey === 'string' && config.apiKey !== '' ? config.apiKey : null;
  const handler = async (request: Request): Promise<Response> => {
    try {
      return await answer(request, config, fixedKey);
    } catch (caught) {
      // Every step answers its own failures: only a bug of ours gets here, and it is still an answer.
      const asking = { request, config, key: fixedKey };
      return send(internalError(asking, caught), { secret: fixedKey, backLink: null });
    }
  };
  return Object.assign(handler, { basePath: config.basePath });
}

/**
 * One request, step by step. Each step either returns a `Reply` (its status written where it is
 * made), which ends the request, or hands on what it found; `send` alone makes the `Response`.
 * Wherever the host's code or Saiku is waited for, a browser that has left gets 499 instead.
 */
async function answer(request: Request, config: ProxyConfig, fixedKey: string | null): Promise<Response> {
  const url = new URL(request.url);
  const route = routeAt(url.pathname, config.basePath);
  if (route === null) {
    const notFound = fail(404, 'not_found', 'There is no billing route at this path.');
    return send(notFound, { secret: fixedKey, backLink: null });
  }
  const allowedOrigins = config.allowedOrigins ?? new Set([url.origin]);
  // A form post's own page: where its URLs default to, and (for a browser) the way back from an error page.
  const page = route.kind === 'form' ? formFallbackUrl(request, url, allowedOrigins) : null;
  const edge: Edge = { secret: fixedKey, backLink: page !== null && acceptsHtml(request) ? page : null };

  const refused = checkRequest(request, route, allowedOrigins); // 405, 403, 415, 413
  if (refused !== null) return send(refused, edge);
  const key = await resolveKey(request, config); // 401, 500
  if (key instanceof Reply) return send(key, edge);
  const call: Call = {
    request,
    config,
    key,
    route,
    rules: { tiers: config.tiers, allowedOrigins, refuseLoopback: config.refuseLoopbackReturns },
    page,
    client: createSaikuClient({
      apiKey: key,
      baseUrl: config.baseUrl,
      fetch: config.fetch,
      timeoutMs: config.timeoutMs,
      // A browser that has left (toNodeHandler aborts the signal) gets no session minted for it.
      signal: request.signal,
    }),
  };
  const reply = await serve(call).catch((caught: unknown) => internalError(call, caught));
  return send(reply, { ...edge, secret: key });
}

/** What is refused before the key is resolved or a byte of the body read: 405, 403, 415, 413; else null. */
function checkRequest(request: Request, route: Route, allowedOrigins: ReadonlySet<string>): Reply | null {
  if (request.method !== route.method)
    return fail(405, 'method_not_allowed', `This route takes ${route.method} only.`, { Allow: route.method });
  if (route.method !== 'POST') return null;
  const type = route.kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  return (
    checkSameSite(request, allowedOrigins) ?? checkMediaType(request, type) ?? checkDeclaredSize(request)
  );
}

// Exhaustive over `RouteName`: a new route that is not handled here does not compile.
function serve(call: Call): Promise<Reply> {
  switch (call.route.name) {
    case 'state':
      return state(call);
    case 'checkout-session':
    case 'checkout':
      return checkout(call);
    case 'portal-session':
    case 'portal':
      return portal(call);
  }
}

/** `GET state`: the tenant's billing state as Saiku has it. */
async function state(call: Call): Promise<Reply> {
  const billing = await fromSaiku(call, () => call.client.getState());
  if (billing instanceof Reply) return billing;
  await keepState(call, billing);
  return ok(billing);
}

/**
 * Writes a state just read to the access checks' shared store (`cache.store`), before the browser
 * hears it, so a check that follows this answer sees what the page sees. A failing store is told to
 * `onError` and changes no answer.
 */
async function keepState(call: Call, state: BillingState): Promise<void> {
  const keeper = call.config.stateKeeper;
  if (keeper === null) return;
  try {
    await keeper.set(await stateKey(call.key), { state, readAt: Date.now() });
  } catch (caught) {
    report(call, caught instanceof Error ? caught : new Error(String(caught)));
  }
}

/** `POST checkout-session` (JSON: the session's URL) and `POST checkout` (form: 303 to it). */
async function checkout(call: Call): Promise<Reply> {
  const { config, page, route } = call;
  const fields = await readFields(call); // 400, 408, 413
  if (fields instanceof Reply) return fields;
  const defaults =
    page === null ? undefined : { successUrl: withCheckoutMarker(page), cancelUrl: withCancelMarker(page) };
  const input = checkCheckoutFields(fields, call.rules, defaults); // 400
  if (input instanceof Reply) return input;
  const limited = await limitMint(call, input.cancelUrl); // 429 (form: 303 back), 500
  if (limited !== null) return limited;
  if (config.blockDuplicateSubscriptions) {
    // A failed read is the upstream failure it is, never a Checkout.
    const billing = await fromSaiku(call, () => call.client.getState()); // Saiku's 4xx, 502, 504
    if (billing instanceof Reply) return billing;
    await keepState(call, billing);
    // Nothing may mint a second subscription; the form route sends the browser where plans change.
    if (hasSubscription(billing)) {
      if (route.kind === 'form') return portalRedirect(call, portalReturnFrom(input.cancelUrl)); // 303
      const message = 'The tenant already has a subscription: change plans in the billing portal.';
      return fail(409, 'already_subscribed', message);
    }
  }
  const customer = await customerOf(call); // 500
  if (customer instanceof Reply) return customer;
  const session = await fromSaiku(call, () => call.client.createCheckoutSession({ ...input, ...customer }));
  if (session instanceof Reply) return session; // Saiku's 4xx, 502, 504
  const location = checkSessionUrl(call, session.url); // 502
  if (location instanceof Reply) return location;
  return route.kind === 'json' ? ok({ url: location, sessionId: session.sessionId }) : seeOther(location);
}

/** `POST portal-session` (JSON: the session's URL) and `POST portal` (form: 303 to it, or back). */
async function portal(call: Call): Promise<Reply> {
  const fields = await readFields(call); // 400, 408, 413
  if (fields instanceof Reply) return fields;
  const defaultUrl = call.page === null ? undefined : withPortalMarker(call.page);
  const input = checkPortalFields(fields, call.rules, defaultUrl); // 400
  if (input instanceof Reply) return input;
  const limited = await limitMint(call, input.returnUrl); // 429 (form: 303 back), 500
  if (limited !== null) return limited;
  if (call.route.kind === 'form') return portalRedirect(call, input.returnUrl); // 303, Saiku's 4xx, 502, 504
  const session = await fromSaiku(call, () => call.client.createPortalSession(input)); // Saiku's 4xx, 502, 504
  if (session instanceof Reply) return session;
  const location = checkSessionUrl(call, session.url); // 502
  return location instanceof Reply ? location : ok({ url: location });
}

/** The largest body the proxy reads: the seed's bodies are a few hundred bytes. */
const maxBodyBytes = 16 * 1024;

/** 413 for a body declared over `maxBodyBytes`, before a byte of it is read; else null. */
function checkDeclaredSize(request: Request): Reply | null {
  try {
    checkDeclaredLength(request, maxBodyBytes);
    return null;
  } catch (caught) {
    return bodyRefusal(caught);
  }
}

/** The request's fields; 413 past `maxBodyBytes`, 408 past `bodyTimeoutMs`, 400 when it cannot be read. */
async function readFields(call: Call): Promise<Fields | Reply> {
  let text: string;
  try {
    text = await readBodyText(call.request, maxBodyBytes, { timeoutMs: call.config.bodyTimeoutMs });
  } catch (caught) {
    return bodyRefusal(caught) ?? internalError(call, caught);
  }
  // The components' buttons put a form's fields in the query of their `formaction` (one shared form).
  return call.route.kind === 'json' ? jsonFields(text) : formFields(text, new URL(call.request.url).search);
}

/** The body reader's `BillingError` (413, 408 or 400) as the proxy's answer; null for anything else. */
function bodyRefusal(caught: unknown): Reply | null {
  if (!(caught instanceof BillingError)) return null;
  if (caught.status === 413) return fail(413, 'payload_too_large', caught.message);
  if (caught.status === 408) return fail(408, 'request_timeout', caught.message);
  return fail(400, 'invalid_request', caught.message);
}

/**
 * Spends one session mint of the budget (`rateLimit`): null when within it, or when the limiter
 * failed (`onError` told). Over it: 429 with `Retry-After`, or on a form route a 303 back to `page`
 * with `billing_error=rate_limited`. 500 when the host's `rateLimit.key` throws or names no one.
 */
async function limitMint(call: Call, page: string): Promise<Reply | null> {
  const { rateLimit, timeoutMs } = call.config;
  if (rateLimit === null) return null;
  let name: string;
  try {
    name = rateLimit.key === undefined ? await hashedKey(call.key) : await rateLimit.key(call.request);
  } catch (thrown) {
    return internalError(call, thrown);
  }
  if (typeof name !== 'string' || name === '')
    return internalError(call, new TypeError('rateLimit.key must return a non-empty string.'));
  const retryAfter = await consumeMint(rateLimit.limiter, name, timeoutMs, (error) => report(call, error));
  if (retryAfter === null) return null;
  if (call.route.kind === 'form') return seeOther(backWithError(page, 'rate_limited'));
  const message = 'Too many billing sessions were requested. Try again later.';
  return fail(429, 'rate_limited', message, { 'Retry-After': String(retryAfter) });
}

/** The page a Checkout would have returned to, as a Portal return URL: its markers swapped for the Portal's. */
function portalReturnFrom(cancelUrl: string): string {
  const page = new URL(cancelUrl);
  stripReturnMarkers(page);
  return withPortalMarker(page.href);
}
