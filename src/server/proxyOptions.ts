/** The proxy's options as the host writes them, and as the handler reads them once resolved. */
import { defaultProxyBasePath } from '../core/createProxyBackend';
import { defaultSaikuBaseUrl } from '../core/createSaikuClient';
import { checkApiKey } from '../core/apiKey';
import { knownTiers } from '../core/tiers';
import { defaultOriginsWarning, isProduction } from './production';
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
}

/** @deprecated The same list as `knownTiers` from `@saiku/billing-react/core`; use that. */
export const defaultProxyTiers: readonly string[] = knownTiers;

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
  /** `NODE_ENV=production` with the default origins: loopback return URLs are refused. */
  refuseLoopbackReturns: boolean;
}

export function resolveOptions(options: ProxyOptions): ProxyConfig {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('createBillingProxy needs an options object.');
  if (typeof options.apiKey !== 'string' && typeof options.apiKey !== 'function') {
    throw new TypeError('createBillingProxy needs apiKey: a string, or a function of the request.');
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new TypeError('timeoutMs must be a positive number.');
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  if (!Number.isFinite(bodyTimeoutMs) || bodyTimeoutMs <= 0)
    throw new TypeError('bodyTimeoutMs must be a positive number.');
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
  const defaultOriginsInProduction = options.allowedOrigins === undefined && isProduction();
  if (defaultOriginsInProduction) console.warn(defaultOriginsWarning);
  return {
    // A fixed key is normalised here, so a key with a line break inside fails at start-up.
    apiKey:
      typeof options.apiKey === 'string'
        ? (checkApiKey(options.apiKey, 'createBillingProxy') ?? '')
        : options.apiKey,
    baseUrl,
    basePath,
    allowedOrigins:
      options.allowedOrigins === undefined ? null : new Set(options.allowedOrigins.map(toOrigin)),
    tiers: new Set(options.tiers ?? knownTiers),
    customer: options.customer,
    fetch: (input, init) => guardedFetch(fetchImpl ?? globalThis.fetch, input, init),
    timeoutMs,
    bodyTimeoutMs,
    onError: options.onError,
    refuseLoopbackReturns: defaultOriginsInProduction,
  };
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
