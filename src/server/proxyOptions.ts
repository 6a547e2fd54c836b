/** The proxy's options as the host writes them, and as the handler reads them once resolved. */
import { defaultProxyBasePath } from '../core/createProxyBackend';
import { defaultSaikuBaseUrl } from '../core/createSaikuClient';
import { checkApiKey } from '../core/apiKey';
import { knownTiers } from '../core/tiers';
import { defaultAllowedRedirectHosts } from '../core/redirect';
import { defaultOriginsWarning, isProduction } from './production';
import { createMemoryRateLimiter, type RateLimiterLike, type RateLimitOptions } from './rateLimit';
import {
  checkStore,
  defaultLastKnownMs,
  storeKeeper,
  type AccessStateStore,
  type StateKeeper,
} from './stateStore';
import { guardedFetch } from './upstream';

/** What `customer(request)` may fill in on the server. */
export interface CustomerDetails {
  email?: string;
  name?: string;
}

export interface ProxyOptions {
  /**
   * The tenant's Saiku API key, or a function that picks it for the signed-in user: this is where the
   * host's own auth runs. Return `null` to answer 401 without calling Saiku; a throw answers 500.
   * A key shorter than 8 characters is refused: a `TypeError` from `createBillingProxy` for a string, a 500
   * (`onError` told) for a function's.
   * @example apiKey: async (request) => (await getSession(request))?.tenant.saikuKey ?? null
   */
  apiKey: string | ((request: Request) => string | null | Promise<string | null>);
  /** The Saiku API to forward to. @default 'https://api.saiku.bi' */
  baseUrl?: string;
  /** The path the proxy is mounted at; routes are `${basePath}/state` and so on. @default '/api/billing' */
  basePath?: string;
  /**
   * Origins that may POST to the proxy and that return URLs may point at, e.g. `['https://app.acme.com']`.
   * Set it in production: by default the request's own `Host` (or `X-Forwarded-Host` with `trustProxy`)
   * decides. With `NODE_ENV=production` and no list, the proxy warns once and refuses loopback return URLs.
   * @default [the request's own origin]
   */
  allowedOrigins?: readonly string[];
  /** The tiers a checkout may ask for. @default knownTiers: ['starter', 'team', 'business', 'enterprise'] */
  tiers?: readonly string[];
  /**
   * Fills Checkout's `email` and `name` on the server from the host's session, overriding the
   * browser's. @default undefined (the browser's values, if any)
   */
  customer?: (
    request: Request,
  ) => CustomerDetails | null | undefined | Promise<CustomerDetails | null | undefined>;
  /** The fetch that reaches the Saiku API (tests, instrumentation). @default globalThis.fetch at call time */
  fetch?: typeof fetch;
  /** Answer 504 when Saiku has not answered within this many milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Answer 408 when a request body has not all arrived this many milliseconds after reading starts. @default 10000 */
  bodyTimeoutMs?: number;
  /**
   * Hears about every failure worth logging (Saiku's errors, the host's own throws), with the key
   * scrubbed out. @default undefined
   */
  onError?: (error: Error, request: Request) => void | Promise<void>;
  /**
   * Read the tenant's state before forwarding a Checkout, and refuse it when the tenant already has a
   * subscription (`hasSubscription`): 409 `already_subscribed` on the JSON route, a 303 into a Portal
   * session on the form route. Costs one state read per Checkout.
   * @default true
   */
  blockDuplicateSubscriptions?: boolean;
  /**
   * Limits session mints (Checkout and Portal, JSON and form routes together; state reads are free):
   * over the limit, 429 `rate_limited` with `Retry-After`, or a 303 back with `billing_error=rate_limited`
   * on a form route. `false` turns it off (when the host limits requests itself).
   * @default 10 mints a minute per tenant, in this process's memory
   * @example rateLimit: { limiter: new RateLimiterRedis({ storeClient: redis, points: 10, duration: 60 }) }
   */
  rateLimit?: false | RateLimitOptions;
  /**
   * Hosts a session URL from Saiku may point at (the browser client's rule); any other is answered 502
   * and reported to `onError`. `http:` is accepted only for a loopback host listed here (local stand-ins).
   * @default ['checkout.stripe.com', 'billing.stripe.com']
   */
  allowedRedirectHosts?: readonly string[];
  /**
   * The store your access checks share (`createAccessCheck`'s `cache.store`): every state the proxy
   * reads from Saiku is written to it, so after a Checkout the server's checks agree with the browser.
   * @default undefined (nothing written)
   * @example cache: { store: new Keyv(new KeyvRedis(process.env.REDIS_URL)) }
   */
  cache?: { store: AccessStateStore };
}

/** The options checked once, at creation; a misused option is a `TypeError` there. */
export interface ProxyConfig {
  apiKey: ProxyOptions['apiKey'];
  baseUrl: string;
  basePath: string;
  allowedOrigins: ReadonlySet<string> | null;
  tiers: ReadonlySet<string>;
  customer: ProxyOptions['customer'];
  fetch: typeof fetch;
  timeoutMs: number;
  bodyTimeoutMs: number;
  onError: ProxyOptions['onError'];
  blockDuplicateSubscriptions: boolean;
  /** null when turned off. */
  rateLimit: { limiter: RateLimiterLike; key: RateLimitOptions['key'] } | null;
  allowedRedirectHosts: readonly string[];
  /** `NODE_ENV=production` with the default origins: loopback return URLs are refused. */
  refuseLoopbackReturns: boolean;
  /** Where each state read is kept for access checks (`cache.store`); null without one. */
  stateKeeper: StateKeeper | null;
}

/** No real secret is shorter; a shorter one would be cut out of ordinary words in every answer. */
export const minKeyLength = 8;

/**
 * A key as it is sent (`checkApiKey`: trimmed; whitespace inside is a `TypeError`), also refused
 * with a `TypeError` when it is shorter than `minKeyLength`; null when it is empty. The message
 * never quotes the key.
 */
export function checkProxyKey(key: string, owner: string): string | null {
  const trimmed = checkApiKey(key, owner);
  if (trimmed !== null && [...trimmed].length < minKeyLength) {
    throw new TypeError(
      `${owner}: the API key is shorter than ${minKeyLength} characters, too short to be a real secret ` +
        'or to be kept out of answers without cutting up ordinary words; check the secret it was read from.',
    );
  }
  return trimmed;
}

/** What the proxy and the access check share: whose key, and how Saiku is reached. */
export type UpstreamOptions = Pick<ProxyOptions, 'apiKey' | 'baseUrl' | 'fetch' | 'timeoutMs' | 'onError'>;
export type UpstreamConfig = Pick<ProxyConfig, 'apiKey' | 'baseUrl' | 'fetch' | 'timeoutMs' | 'onError'>;

/** The key, the Saiku API and its time limit, checked once; `owner` names the caller in each `TypeError`. */
export function resolveUpstream(options: UpstreamOptions, owner: string): UpstreamConfig {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`${owner} needs an options object.`);
  if (typeof options.apiKey !== 'string' && typeof options.apiKey !== 'function') {
    throw new TypeError(`${owner} needs apiKey: a string, or a function of the request.`);
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new TypeError('timeoutMs must be a positive number.');
  const baseUrl = options.baseUrl ?? defaultSaikuBaseUrl;
  try {
    new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute URL, got "${baseUrl}".`);
  }
  const fetchImpl = options.fetch;
  return {
    // A fixed key is normalised here, so a key with a line break inside, or a short one, fails at start-up;
    // an empty one (an unset environment variable) is answered 500 on each request, onError told.
    apiKey:
      typeof options.apiKey === 'string' ? (checkProxyKey(options.apiKey, owner) ?? '') : options.apiKey,
    baseUrl,
    fetch: (input, init) => guardedFetch(fetchImpl ?? globalThis.fetch, input, init),
    timeoutMs,
    onError: options.onError,
  };
}

export function resolveOptions(options: ProxyOptions): ProxyConfig {
  const upstream = resolveUpstream(options, 'createBillingProxy');
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  if (!Number.isFinite(bodyTimeoutMs) || bodyTimeoutMs <= 0)
    throw new TypeError('bodyTimeoutMs must be a positive number.');
  const basePath = (options.basePath ?? defaultProxyBasePath).replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/'))
    throw new TypeError(`basePath must start with "/", got "${basePath}".`);
  const defaultOriginsInProduction = options.allowedOrigins === undefined && isProduction();
  if (defaultOriginsInProduction) console.warn(defaultOriginsWarning);
  return {
    ...guardOptions(options),
    ...upstream,
    basePath,
    allowedOrigins:
      options.allowedOrigins === undefined ? null : new Set(options.allowedOrigins.map(toOrigin)),
    tiers: new Set(options.tiers ?? knownTiers),
    customer: options.customer,
    bodyTimeoutMs,
    refuseLoopbackReturns: defaultOriginsInProduction,
    stateKeeper: stateKeeperOf(options.cache, upstream.timeoutMs),
  };
}

function guardOptions(
  options: ProxyOptions,
): Pick<ProxyConfig, 'blockDuplicateSubscriptions' | 'rateLimit' | 'allowedRedirectHosts'> {
  const block = options.blockDuplicateSubscriptions ?? true;
  if (typeof block !== 'boolean') throw new TypeError('blockDuplicateSubscriptions must be a boolean.');
  const rateLimit = options.rateLimit ?? {};
  if (rateLimit !== false && (typeof rateLimit !== 'object' || rateLimit === null)) {
    throw new TypeError('rateLimit must be false or an object { limiter?, key? }.');
  }
  if (rateLimit !== false) {
    if (rateLimit.limiter !== undefined && typeof rateLimit.limiter?.consume !== 'function') {
      throw new TypeError(
        'rateLimit.limiter must have a consume(key, points) method, as rate-limiter-flexible’s do.',
      );
    }
    if (rateLimit.key !== undefined && typeof rateLimit.key !== 'function') {
      throw new TypeError('rateLimit.key must be a function of the request.');
    }
  }
  const hosts = options.allowedRedirectHosts ?? defaultAllowedRedirectHosts;
  if (!Array.isArray(hosts) || hosts.some((host) => typeof host !== 'string' || host === '')) {
    throw new TypeError('allowedRedirectHosts must be an array of host names, e.g. ["checkout.stripe.com"].');
  }
  return {
    blockDuplicateSubscriptions: block,
    rateLimit:
      rateLimit === false
        ? null
        : { limiter: rateLimit.limiter ?? createMemoryRateLimiter(), key: rateLimit.key },
    allowedRedirectHosts: [...hosts],
  };
}

function stateKeeperOf(cache: ProxyOptions['cache'], timeoutMs: number): StateKeeper | null {
  if (cache === undefined) return null;
  if (typeof cache !== 'object' || cache === null)
    throw new TypeError('createBillingProxy: cache must be an object { store }.');
  return storeKeeper(checkStore(cache.store, 'createBillingProxy'), defaultLastKnownMs, timeoutMs);
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
