/** The proxy the host mounts on its own server: it adds the Saiku API key, so the key never reaches a browser. */
import { normalizeApiKey } from '../core/apiKey';
import { BillingError } from '../core/BillingError';
import { defaultProxyBasePath } from '../core/createProxyBackend';
import { createSaikuClient, defaultSaikuBaseUrl } from '../core/createSaikuClient';
import { checkoutReturnParam, returnedErrorParam } from '../core/markers';
import { isLoopbackHost } from '../core/redirect';
import type { BillingBackend } from '../core/types';
import {
  checkoutInput,
  checkReturnUrl,
  formFields,
  jsonFields,
  portalInput,
  type Fields,
  type InputRules,
} from './checkInput';
import { checkMediaType, checkSameSite } from './guards';
import { checkDeclaredLength, readBodyText } from './readBody';
import { Refusal, Replier, toResponse, type Reply } from './replies';
import { scrubError, scrubText } from './scrubSecret';

/** What `customer(request)` may fill in on the server. */
export interface CustomerDetails {
  email?: string;
  name?: string;
}

export interface ProxyOptions {
  /**
   * The tenant's Saiku API key, or a function that picks it for the signed-in user: this is where the
   * host's own auth runs. Return `null` to answer 401 without calling Saiku; a throw answers 500.
   * @example apiKey: async (request) => (await getSession(request))?.tenant.saikuKey ?? null
   */
  apiKey: string | ((request: Request) => string | null | Promise<string | null>);
  /** The Saiku API to forward to. @default 'https://api.saiku.bi' */
  baseUrl?: string;
  /** The path the proxy is mounted at; routes are `${basePath}/state` and so on. @default '/api/billing' */
  basePath?: string;
  /**
   * Origins that may POST to the proxy and that return URLs may point at, e.g. `['https://app.acme.com']`.
   * Set it when the server sees another origin than the browser (behind a TLS-terminating proxy).
   * @default [the request's own origin]
   */
  allowedOrigins?: readonly string[];
  /** The tiers a checkout may ask for. @default ['starter', 'team', 'business', 'enterprise'] */
  tiers?: readonly string[];
  /** Fills Checkout's `email` and `name` on the server from the host's session, overriding the browser's. @default undefined (the browser's values, if any) */
  customer?: (
    request: Request,
  ) => CustomerDetails | null | undefined | Promise<CustomerDetails | null | undefined>;
  /** The fetch that reaches the Saiku API (tests, instrumentation). @default globalThis.fetch at call time */
  fetch?: typeof fetch;
  /** Answer 504 when Saiku has not answered within this many milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Hears about every failure worth logging (Saiku's errors, the host's own throws), with the key scrubbed out. @default undefined */
  onError?: (error: Error, request: Request) => void | Promise<void>;
}

/** The four tiers of the seed. */
export const defaultProxyTiers: readonly string[] = ['starter', 'team', 'business', 'enterprise'];

/** Where `toNodeHandler` finds the proxy's `basePath` on the function `createBillingProxy` returns. */
export const basePathKey = Symbol.for('@saiku/billing-react/server:basePath');

/**
 * The same proxy answering with a `Reply` instead of a `Response`, for `toNodeHandler` to write
 * straight to Node, by the handler `createBillingProxy` returned (this copy of the package only).
 */
export const replyingProxies = new WeakMap<object, (request: Request) => Promise<Reply>>();

interface Route {
  method: 'GET' | 'POST';
  kind: 'json' | 'form';
}

const routes = new Map<string, Route>([
  ['state', { method: 'GET', kind: 'json' }],
  ['checkout-session', { method: 'POST', kind: 'json' }],
  ['portal-session', { method: 'POST', kind: 'json' }],
  ['checkout', { method: 'POST', kind: 'form' }],
  ['portal', { method: 'POST', kind: 'form' }],
]);

interface ProxyConfig {
  apiKey: ProxyOptions['apiKey'];
  baseUrl: string;
  basePath: string;
  allowedOrigins: ReadonlySet<string> | null;
  tiers: ReadonlySet<string>;
  customer: ProxyOptions['customer'];
  fetch: typeof fetch;
  timeoutMs: number;
  onError: ProxyOptions['onError'];
}

/** The host's own code failed (key resolver, `customer`): 500, with the detail only for `onError`. */
class HostFailure extends Error {
  override readonly name = 'HostFailure';
  /** What `onError` gets: the host's own error as thrown (an `Error` made of anything else). */
  readonly reported: Error;
  constructor(thrown: unknown) {
    super('The host failed.');
    this.reported = thrown instanceof Error ? thrown : new Error(String(thrown));
  }
}

/** Saiku failed or refused: carries the `BillingError` core made of it. */
class UpstreamFailure extends Error {
  override readonly name = 'UpstreamFailure';
  constructor(readonly error: BillingError) {
    super(error.message);
  }
}

/**
 * Creates the billing proxy: a fetch-standard handler for `${basePath}/state`, `/checkout-session`,
 * `/portal-session` (JSON) and `/checkout`, `/portal` (HTML form posts answering 303). It never throws:
 * every failure is a `{ error, message }` JSON response (an HTML page for a form post from a browser).
 * @example
 * const handler = createBillingProxy({ apiKey: process.env.SAIKU_API_KEY ?? '' });
 * export { handler as GET, handler as POST };
 */
export function createBillingProxy(options: ProxyOptions): (request: Request) => Promise<Response> {
  const config = resolveOptions(options);
  const replying = async (request: Request): Promise<Reply> => {
    const reply = new Replier();
    // A fixed key is scrubbed from the first byte; a resolved one from when it is known.
    if (typeof config.apiKey === 'string' && config.apiKey !== '') reply.secret = config.apiKey;
    try {
      return await handle(request, config, reply);
    } catch (caught) {
      return failureResponse(caught, request, config, reply);
    }
  };
  const handler = async (request: Request): Promise<Response> => toResponse(await replying(request));
  Object.defineProperty(handler, basePathKey, { value: config.basePath, enumerable: false });
  replyingProxies.set(handler, replying);
  return handler;
}

function resolveOptions(options: ProxyOptions): ProxyConfig {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('createBillingProxy needs an options object.');
  if (typeof options.apiKey !== 'string' && typeof options.apiKey !== 'function') {
    throw new TypeError('createBillingProxy needs apiKey: a string, or a function of the request.');
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new TypeError('timeoutMs must be a positive number.');
  const basePath = (options.basePath ?? defaultProxyBasePath).replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/'))
    throw new TypeError(`basePath must start with "/", got "${basePath}".`);
  const baseUrl = options.baseUrl ?? defaultSaikuBaseUrl;
  try {
    new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute URL, got "${baseUrl}".`);
  }
  const fetchImpl = options.fetch;
  return {
    // A fixed key is normalised here, so a key with a line break inside fails at start-up.
    apiKey:
      typeof options.apiKey === 'string'
        ? (normalizeApiKey(options.apiKey, 'createBillingProxy') ?? '')
        : options.apiKey,
    baseUrl,
    basePath,
    allowedOrigins:
      options.allowedOrigins === undefined ? null : new Set(options.allowedOrigins.map(toOrigin)),
    tiers: new Set(options.tiers ?? defaultProxyTiers),
    customer: options.customer,
    fetch: (input, init) => guardedFetch(fetchImpl ?? globalThis.fetch, input, init),
    timeoutMs,
    onError: options.onError,
  };
}

/**
 * The key never follows a redirect to wherever Saiku's answer points (a 3xx is a network fault),
 * and the time limit holds even for a custom `fetch` that ignores its abort signal.
 * `redirect: 'manual'`, not `'error'`: Cloudflare Workers refuse `'error'` outright.
 */
function guardedFetch(
  fetchImpl: typeof fetch,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<Response> {
  const pending = fetchImpl(input, { ...init, redirect: 'manual' }).then((response) => {
    if (response.type !== 'opaqueredirect' && (response.status < 300 || response.status > 399))
      return response;
    void response.body?.cancel().catch(() => {});
    throw new TypeError(
      `Saiku answered ${response.status || 'a redirect'}; the proxy does not follow redirects with the key.`,
    );
  });
  const signal = init?.signal;
  if (!signal) return pending;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function toOrigin(entry: string): string {
  let origin = 'null';
  try {
    origin = new URL(entry).origin;
  } catch {
    // reported below
  }
  if (origin === 'null')
    throw new TypeError(
      `allowedOrigins entries must be origins like "https://app.example.com", got "${entry}".`,
    );
  return origin;
}

async function handle(request: Request, config: ProxyConfig, reply: Replier): Promise<Reply> {
  const url = new URL(request.url);
  const route = routeAt(url.pathname, config.basePath);
  if (route === null) throw new Refusal(404, 'not_found', 'There is no billing route at this path.');
  const allowedOrigins = config.allowedOrigins ?? new Set([url.origin]);
  const rules: InputRules = { tiers: config.tiers, allowedOrigins };
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
    checkDeclaredLength(request);
  }
  const apiKey = await resolveKey(request, config);
  reply.secret = apiKey;
  const client = createSaikuClient({
    apiKey,
    baseUrl: config.baseUrl,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
  });

  switch (route.name) {
    case 'state':
      return reply.json(200, await upstream(() => client.getState()));
    case 'checkout-session':
    case 'checkout': {
      const fields = await readFields(request, route.kind);
      const defaults =
        fallbackUrl === undefined
          ? undefined
          : { successUrl: withCheckoutMarker(fallbackUrl), cancelUrl: fallbackUrl };
      const input = checkoutInput(fields, rules, defaults);
      const customer = await customerOf(request, config);
      const session = await upstream(() => client.createCheckoutSession({ ...input, ...customer }));
      const location = checkSessionUrl(session.url);
      return route.kind === 'json'
        ? reply.json(200, { url: location, sessionId: session.sessionId })
        : reply.redirect(location);
    }
    case 'portal-session':
    case 'portal': {
      const fields = await readFields(request, route.kind);
      const input = portalInput(fields, rules, fallbackUrl);
      if (route.kind === 'json') {
        const session = await upstream(() => client.createPortalSession(input));
        return reply.json(200, { url: checkSessionUrl(session.url) });
      }
      return reply.redirect(await portalLocation(client, input.returnUrl));
    }
  }
  throw new Refusal(404, 'not_found', 'There is no billing route at this path.');
}

/** The portal form's next stop: Stripe, or back to the page with `billing_error=no_customer` to offer Checkout. */
async function portalLocation(client: BillingBackend, returnUrl: string): Promise<string> {
  try {
    return checkSessionUrl((await client.createPortalSession({ returnUrl })).url);
  } catch (caught) {
    if (!(caught instanceof BillingError) || caught.code !== 'no_customer') throw asUpstreamFailure(caught);
    const back = new URL(returnUrl);
    back.searchParams.set(returnedErrorParam, 'no_customer');
    return back.href;
  }
}

function routeAt(pathname: string, basePath: string): (Route & { name: string }) | null {
  if (!pathname.startsWith(`${basePath}/`)) return null;
  const name = pathname.slice(basePath.length + 1);
  const route = routes.get(name);
  return route === undefined ? null : { ...route, name };
}

function acceptsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes('text/html');
}

// A defaulted success URL carries the Checkout marker, so the page confirms the subscription; a
// page URL never keeps either marker.

/**
 * Where a form post returns when it names no URL: the page it came from (`Referer`) when that page
 * is an acceptable return URL, else the root of the origin it came from.
 */
function formFallbackUrl(request: Request, url: URL, allowedOrigins: ReadonlySet<string>): string {
  const referer = request.headers.get('referer');
  if (referer !== null) {
    try {
      const page = new URL(checkReturnUrl('Referer', referer, allowedOrigins));
      page.searchParams.delete(checkoutReturnParam);
      page.searchParams.delete(returnedErrorParam);
      page.hash = '';
      return page.href;
    } catch {
      // not acceptable: fall back to the origin root
    }
  }
  const origin = request.headers.get('origin');
  const home =
    origin !== null && allowedOrigins.has(origin)
      ? origin
      : allowedOrigins.has(url.origin)
        ? url.origin
        : [...allowedOrigins][0];
  return `${home ?? url.origin}/`;
}

function withCheckoutMarker(page: string): string {
  const url = new URL(page);
  url.searchParams.set(checkoutReturnParam, 'success');
  return url.href;
}

/**
 * The key for this request, normalised once whether it is the configured string or the resolver's
 * answer: trimmed, as `fetch` would send it, so the key that goes upstream is the key scrubbed.
 */
async function resolveKey(request: Request, config: ProxyConfig): Promise<string> {
  let key: string | null | undefined;
  if (typeof config.apiKey === 'string') {
    key = config.apiKey;
    if (key === '')
      throw new HostFailure(
        new Error('createBillingProxy: apiKey is an empty string; is SAIKU_API_KEY set?'),
      );
  } else {
    try {
      key = await config.apiKey(request);
      if (typeof key === 'string') key = normalizeApiKey(key, 'createBillingProxy (the apiKey function)');
    } catch (cause) {
      throw new HostFailure(cause);
    }
  }
  if (typeof key !== 'string' || key === '') {
    throw new Refusal(401, 'unauthorized', 'Not signed in, or not allowed to manage billing.');
  }
  return key;
}

async function customerOf(request: Request, config: ProxyConfig): Promise<CustomerDetails> {
  if (config.customer === undefined) return {};
  let details: CustomerDetails | null | undefined;
  try {
    details = await config.customer(request);
  } catch (cause) {
    throw new HostFailure(cause);
  }
  return {
    ...(typeof details?.email === 'string' && details.email !== '' ? { email: details.email } : {}),
    ...(typeof details?.name === 'string' && details.name !== '' ? { name: details.name } : {}),
  };
}

async function readFields(request: Request, kind: Route['kind']): Promise<Fields> {
  const text = await readBodyText(request);
  return kind === 'json' ? jsonFields(text) : formFields(text);
}

async function upstream<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (caught) {
    throw asUpstreamFailure(caught);
  }
}

function asUpstreamFailure(caught: unknown): unknown {
  return caught instanceof BillingError ? new UpstreamFailure(caught) : caught;
}

/** A session URL goes to the browser only if it is `https:` (or `http:` on loopback, for local stand-ins). */
function checkSessionUrl(value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  const secure =
    url !== null && (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)));
  if (url === null || !secure || url.username !== '' || url.password !== '') {
    throw new UpstreamFailure(
      new BillingError('invalid_response', 'The Saiku API answered with a session URL that is not https.'),
    );
  }
  return url.href;
}

function failureResponse(caught: unknown, request: Request, config: ProxyConfig, reply: Replier): Reply {
  if (caught instanceof Refusal)
    return reply.error(caught.status, caught.code, caught.message, caught.headers);
  if (caught instanceof UpstreamFailure) {
    const error = caught.error;
    report(config, scrubError(error, reply.secret), request);
    return upstreamResponse(error, reply);
  }
  // The host's own throw (key resolver, `customer`), or a bug here: 500, the detail only for onError.
  report(config, scrubError(caught instanceof HostFailure ? caught.reported : caught, reply.secret), request);
  return reply.error(500, 'internal', 'The billing proxy failed.');
}

function upstreamResponse(error: BillingError, reply: Replier): Reply {
  switch (error.code) {
    case 'timeout':
      return reply.error(504, 'timeout', 'The Saiku API did not answer in time.');
    case 'network':
      return reply.error(502, 'upstream', 'Could not reach the Saiku API.');
    case 'invalid_response':
      return reply.error(
        502,
        'upstream',
        'The Saiku API answered with something other than the documented shape.',
      );
    case 'unauthorized':
    case 'no_customer':
    case 'invalid_request':
    case 'rate_limited': {
      const status =
        error.status !== undefined && error.status >= 400 && error.status < 500 ? error.status : 502;
      if (status === 502)
        return reply.error(502, 'upstream', 'The Saiku API answered with an unexpected status.');
      const headers: Record<string, string> =
        error.retryAfter === undefined ? {} : { 'Retry-After': String(error.retryAfter) };
      return reply.error(status, error.code, truncate(scrubText(error.message, reply.secret), 500), headers);
    }
    default:
      return reply.error(502, 'upstream', 'The Saiku API failed.');
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function report(config: ProxyConfig, error: unknown, request: Request): void {
  if (config.onError === undefined) return;
  const reported = error instanceof Error ? error : new Error(String(error));
  try {
    const result = config.onError(reported, request);
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // A failing logger must not turn an answer into a throw.
  }
}
