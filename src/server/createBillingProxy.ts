/** The proxy the host mounts on its own server: it adds the Saiku API key, so the key never reaches a browser. */
import { createSaikuClient } from '../core/createSaikuClient';
import { hasSubscription } from '../core/plans';
import type { BillingBackend } from '../core/types';
import {
  checkCheckoutFields,
  formFields,
  jsonFields,
  checkPortalFields,
  type Fields,
  type InputRules,
} from './checkInput';
import { BillingError } from '../core/BillingError';
import { stripReturnMarkers, withCancelMarker, withCheckoutMarker, withPortalMarker } from '../core/markers';
import { checkDeclaredLength, readBodyText } from '../core/readBody';
import { acceptsHtml, backWithError, formFallbackUrl, portalLocation } from './formFallback';
import { checkMediaType, checkSameSite } from './guards';
import { customerOf, HostFailure, report, resolveKey } from './hostCallbacks';
import { resolveOptions, type ProxyConfig, type ProxyOptions } from './proxyOptions';
import { consumeMint, hashedKey, RateLimited } from './rateLimit';
import { Refusal, Replier, toResponse, type Reply } from './replies';
import { routeAt, type Route } from './routes';
import { scrubError } from './scrubSecret';
import { checkSessionUrl, upstream, upstreamReply, UpstreamFailure } from './upstream';

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
  const handler = async (request: Request): Promise<Response> => {
    const reply = new Replier();
    // A fixed key is scrubbed from the first byte; a resolved one from when it is known.
    if (typeof config.apiKey === 'string' && config.apiKey !== '') reply.secret = config.apiKey;
    try {
      return toResponse(await handle(request, config, reply));
    } catch (caught) {
      return toResponse(failureReply(caught, request, config, reply));
    }
  };
  return Object.assign(handler, { basePath: config.basePath });
}

async function handle(request: Request, config: ProxyConfig, reply: Replier): Promise<Reply> {
  const url = new URL(request.url);
  const route = routeAt(url.pathname, config.basePath);
  if (route === null) throw new Refusal(404, 'not_found', 'There is no billing route at this path.');
  const allowedOrigins = config.allowedOrigins ?? new Set([url.origin]);
  const rules: InputRules = {
    tiers: config.tiers,
    allowedOrigins,
    refuseLoopback: config.refuseLoopbackReturns,
  };
  const fallbackUrl = route.kind === 'form' ? formFallbackUrl(request, url, allowedOrigins) : undefined;
  if (fallbackUrl !== undefined && acceptsHtml(request)) reply.htmlBackLink = fallbackUrl;

  if (request.method !== route.method) {
    throw new Refusal(405, 'method_not_allowed', `This route takes ${route.method} only.`, {
      Allow: route.method,
    });
  }
  if (route.method === 'POST') {
    checkSameSite(request, allowedOrigins);
    checkMediaType(request, route.kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded');
    asRefusal(() => checkDeclaredLength(request, maxBodyBytes));
  }
  const apiKey = await resolveKey(request, config);
  reply.secret = apiKey;
  const client = createSaikuClient({
    apiKey,
    baseUrl: config.baseUrl,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    // A browser that has left (toNodeHandler aborts the signal) gets no session minted for it.
    signal: request.signal,
  });

  // Exhaustive over `RouteName`: a new route that is not handled here does not compile.
  switch (route.name) {
    case 'state':
      return reply.json(200, await upstream(() => client.getState()));
    case 'checkout-session':
    case 'checkout': {
      const fields = await readFields(request, route.kind, config);
      const defaults =
        fallbackUrl === undefined
          ? undefined
          : { successUrl: withCheckoutMarker(fallbackUrl), cancelUrl: withCancelMarker(fallbackUrl) };
      const input = checkCheckoutFields(fields, rules, defaults);
      const limited = await limitMint(request, config, apiKey, route.kind, input.cancelUrl, reply);
      if (limited !== null) return limited;
      if (config.blockDuplicateSubscriptions && (await subscribed(client))) {
        // Nothing may mint a second subscription; the form route sends the browser where plans change.
        if (route.kind === 'form')
          return reply.redirect(
            await portalLocation(client, portalReturnFrom(input.cancelUrl), config.allowedRedirectHosts),
          );
        throw new Refusal(
          409,
          'already_subscribed',
          'The tenant already has a subscription: change plans in the billing portal.',
        );
      }
      const customer = await customerOf(request, config);
      const session = await upstream(() => client.createCheckoutSession({ ...input, ...customer }));
      const location = checkSessionUrl(session.url, config.allowedRedirectHosts);
      return route.kind === 'json'
        ? reply.json(200, { url: location, sessionId: session.sessionId })
        : reply.redirect(location);
    }
    case 'portal-session':
    case 'portal': {
      const fields = await readFields(request, route.kind, config);
      const input = checkPortalFields(fields, rules, fallbackUrl && withPortalMarker(fallbackUrl));
      const limited = await limitMint(request, config, apiKey, route.kind, input.returnUrl, reply);
      if (limited !== null) return limited;
      if (route.kind === 'json') {
        const session = await upstream(() => client.createPortalSession(input));
        return reply.json(200, { url: checkSessionUrl(session.url, config.allowedRedirectHosts) });
      }
      return reply.redirect(await portalLocation(client, input.returnUrl, config.allowedRedirectHosts));
    }
  }
}

/** The largest body the proxy reads: the seed's bodies are a few hundred bytes. */
const maxBodyBytes = 16 * 1024;

/** The page a Checkout would have returned to, as a Portal return URL: its markers swapped for the Portal's. */
function portalReturnFrom(cancelUrl: string): string {
  const page = new URL(cancelUrl);
  stripReturnMarkers(page);
  return withPortalMarker(page.href);
}

/** The duplicate guard's state read; a failed read is the upstream failure it is, never a Checkout. */
async function subscribed(client: BillingBackend): Promise<boolean> {
  return hasSubscription(await upstream(() => client.getState()));
}

/**
 * Spends one session mint of the budget (`rateLimit`): null when within it. Over it, a form route
 * answers a 303 back to its page with `billing_error=rate_limited`; a JSON route throws 429 + `Retry-After`.
 */
async function limitMint(
  request: Request,
  config: ProxyConfig,
  apiKey: string,
  kind: Route['kind'],
  page: string,
  reply: Replier,
): Promise<Reply | null> {
  if (config.rateLimit === null) return null;
  const { limiter, key } = config.rateLimit;
  let name: string;
  try {
    name = key === undefined ? await hashedKey(apiKey) : await key(request);
  } catch (cause) {
    throw new HostFailure(cause);
  }
  if (typeof name !== 'string' || name === '')
    throw new HostFailure(new TypeError('rateLimit.key must return a non-empty string.'));
  try {
    await consumeMint(limiter, name, config.timeoutMs, (error) =>
      report(config, scrubError(error, reply.secret), request),
    );
  } catch (caught) {
    if (!(caught instanceof RateLimited) || kind === 'json') throw caught;
    return reply.redirect(backWithError(page, 'rate_limited'));
  }
  return null;
}

async function readFields(request: Request, kind: Route['kind'], config: ProxyConfig): Promise<Fields> {
  let text: string;
  try {
    text = await readBodyText(request, maxBodyBytes, { timeoutMs: config.bodyTimeoutMs });
  } catch (caught) {
    throw bodyRefusal(caught);
  }
  return kind === 'json' ? jsonFields(text) : formFields(text);
}

function asRefusal(check: () => void): void {
  try {
    check();
  } catch (caught) {
    throw bodyRefusal(caught);
  }
}

/** The body reader's `BillingError` (413, 408 or 400) as the proxy's own answer. */
function bodyRefusal(caught: unknown): unknown {
  if (!(caught instanceof BillingError)) return caught;
  if (caught.status === 413) return new Refusal(413, 'payload_too_large', caught.message);
  if (caught.status === 408) return new Refusal(408, 'request_timeout', caught.message);
  return new Refusal(400, 'invalid_request', caught.message);
}

function failureReply(caught: unknown, request: Request, config: ProxyConfig, reply: Replier): Reply {
  // The client left: not a failure to log, and the answer reaches nobody.
  if (request.signal.aborted && !(caught instanceof Refusal))
    return reply.error(499, 'client_closed', 'The client closed the connection.');
  if (caught instanceof Refusal)
    return reply.error(caught.status, caught.code, caught.message, caught.headers);
  if (caught instanceof UpstreamFailure) {
    report(config, scrubError(caught.error, reply.secret), request);
    return upstreamReply(caught.error, reply);
  }
  // The host's own throw (key resolver, `customer`), or a bug here: 500, the detail only for onError.
  report(config, scrubError(caught instanceof HostFailure ? caught.reported : caught, reply.secret), request);
  return reply.error(500, 'internal', 'The billing proxy failed.');
}
