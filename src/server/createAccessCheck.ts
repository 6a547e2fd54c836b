/**
 * The server's side of access: before it does billed work, the host's own API asks whether the
 * signed-in tenant's plan pays for it, by the same rule the browser uses (`canAccess`).
 */
import { LRUCache } from 'lru-cache';
import { canAccess, plansUnlocking, type AccessRequirement, type PlanFeature } from '../core/access';
import { BillingError } from '../core/BillingError';
import { createSaikuClient } from '../core/createSaikuClient';
import type { PlanInfo } from '../core/plans';
import type { BillingState } from '../core/types';
import { internalError, report, resolveKey } from './hostCallbacks';
import { resolveUpstream, type UpstreamConfig } from './proxyOptions';
import { Reply, send } from './replies';
import {
  checkStore,
  defaultLastKnownMs,
  memoryKeeper,
  stateKey,
  storeKeeper,
  type AccessStateStore,
  type StateKeeper,
} from './stateStore';

/** Why a check answered as it did. */
export type AccessReason =
  /** The tenant's plan grants the requirement. */
  | 'granted'
  /** The tenant's state was read, and its plan does not grant the requirement (`guard`: 402). */
  | 'no_access'
  /** The `apiKey` function returned `null`, or Saiku refused the key (`guard`: 401). */
  | 'unauthorized'
  /**
   * Saiku could not be read (and `onUnavailable` had no state to fall back on), or the host's
   * `apiKey` threw (`guard`: 503).
   */
  | 'unavailable';

/** What `check` answers. */
export interface AccessCheckResult {
  allowed: boolean;
  reason: AccessReason;
  /** The tenant's state the answer was made from; null when none was read (`unauthorized`, `unavailable`). */
  state: BillingState | null;
}

/** Where and for how long tenants' states are kept between checks. */
export interface AccessCacheOptions {
  /**
   * How long a state read from Saiku answers checks before it is read again: the browser client's
   * stale time, so the server is never staler than the page. @default 30000
   */
  ttlMs?: number;
  /**
   * A store shared by servers, in Keyv's shape, so one read serves all of them and a state the
   * proxy reads (given the same store) is what every check sees. States are kept under a SHA-256
   * hash of the tenant's key, never the key. @default undefined (this process's memory)
   * @example store: new Keyv(new KeyvRedis(process.env.REDIS_URL))
   */
  store?: AccessStateStore;
  /**
   * The most tenants kept in this process's memory (without `store`); the least recently used go
   * first. @default 10000
   */
  maxEntries?: number;
  /**
   * How long after it was read a state may still answer for an outage, with
   * `onUnavailable: 'last-known'` (and so how long the store keeps it). @default 86400000 (a day)
   */
  lastKnownMs?: number;
}

export interface AccessCheckOptions<Plans extends readonly PlanInfo[] = readonly PlanInfo[]> {
  /**
   * The tenant's Saiku API key, or a function that picks it for the signed-in user, as the proxy
   * takes it: this is where the host's own auth runs. `null` answers `unauthorized` without calling
   * Saiku; a throw answers `unavailable` (`onError` told).
   * @example apiKey: async (request) => (await getSession(request))?.tenant.saikuKey ?? null
   */
  apiKey: string | ((request: Request) => string | null | Promise<string | null>);
  /** The host's plans, with the `entitlements` each unlocks: the same list the browser's provider has. */
  plans: Plans;
  /** The Saiku API. @default 'https://api.saiku.bi' */
  baseUrl?: string;
  /** The fetch that reaches Saiku (tests, instrumentation). @default globalThis.fetch at call time */
  fetch?: typeof fetch;
  /** Give up on Saiku (and on the store) after this many milliseconds. @default 10000 */
  timeoutMs?: number;
  /**
   * Where states are kept between checks. `false` reads Saiku on every check (concurrent checks of
   * one tenant still share one read). @default { ttlMs: 30000 } in this process's memory
   */
  cache?: false | AccessCacheOptions;
  /**
   * What a check answers when Saiku cannot be read: `'deny'` (reason `unavailable`, `guard` 503), or
   * `'last-known'`: the tenant's last state read (past `ttlMs`, within `cache.lastKnownMs`), else deny.
   * @default 'deny'
   */
  onUnavailable?: 'deny' | 'last-known';
  /**
   * Hears about Saiku's failures (a refused key included), the store's and the host's own throws,
   * with the key scrubbed out. @default undefined
   */
  onError?: (error: Error, request: Request) => void | Promise<void>;
}

/** What `createAccessCheck` returns. `Feature`: the feature keys the plans declare (any string unless `as const`). */
export interface AccessCheck<Feature extends string = string> {
  /**
   * Whether the request's tenant may have what `requirement` names (no requirement: billed features
   * on). Never rejects for Saiku's failures: they are the reason `unavailable`. A malformed
   * requirement is a `TypeError`.
   */
  check(request: Request, requirement?: AccessRequirement<Feature>): Promise<AccessCheckResult>;
  /**
   * `null` when allowed, so the handler goes on; else the answer to send: 402
   * `{ error: 'payment_required', message, requirement, plans }` (the plans that would grant it), 401
   * `{ error: 'unauthorized', message }` or 503 `{ error: 'unavailable', message }`.
   */
  guard(request: Request, requirement?: AccessRequirement<Feature>): Promise<Response | null>;
}

const owner = 'createAccessCheck';

/**
 * Creates an access check for the host's own API: `check` answers whether the tenant's plan grants a
 * requirement, `guard` answers the request for it when not. The tenant's state is read from Saiku at
 * most once per `cache.ttlMs` (concurrent checks share the read), kept in memory or a shared store.
 * @example
 * const access = createAccessCheck({ apiKey: process.env.SAIKU_API_KEY ?? '', plans });
 * export async function GET(request: Request) {
 *   const refused = await access.guard(request, { feature: 'forecasts' });
 *   if (refused) return refused;
 *   return Response.json(await forecasts());
 * }
 */
export function createAccessCheck<const Plans extends readonly PlanInfo[]>(
  options: AccessCheckOptions<Plans>,
): AccessCheck<PlanFeature<Plans>> {
  const upstream = resolveUpstream(options, owner);
  // Widened: the plans' own feature keys narrow what callers may name, not what is checked here.
  const plans: readonly PlanInfo[] = options.plans;
  if (!Array.isArray(plans)) throw new TypeError(`${owner} needs plans: the host's PlanInfo[].`);
  const onUnavailable = options.onUnavailable ?? 'deny';
  if (onUnavailable !== 'deny' && onUnavailable !== 'last-known')
    throw new TypeError(
      `onUnavailable must be 'deny' or 'last-known', got ${JSON.stringify(onUnavailable)}.`,
    );
  const cache = resolveCache(options.cache, upstream.timeoutMs);
  if (cache === null && onUnavailable === 'last-known')
    throw new TypeError(
      "onUnavailable: 'last-known' needs a cache to keep the last state in (cache is false).",
    );
  const read = sharedReads(upstream, cache, onUnavailable);

  /** The answer, and the key it was made for (to keep out of what `guard` sends). */
  async function decide(
    request: Request,
    requirement: AccessRequirement | undefined,
  ): Promise<{ result: AccessCheckResult; key: string | null }> {
    // A malformed requirement is the host's bug: a TypeError before anything is read.
    plansUnlocking(requirement, plans);
    const key = await resolveKey(request, upstream, owner);
    if (key instanceof Reply) {
      const reason = key.status === 401 ? 'unauthorized' : 'unavailable';
      return { result: { allowed: false, reason, state: null }, key: null };
    }
    const found = await read(request, key);
    if (found === 'unauthorized' || found === 'unavailable')
      return { result: { allowed: false, reason: found, state: null }, key };
    const allowed = canAccess(found, requirement, plans);
    return { result: { allowed, reason: allowed ? 'granted' : 'no_access', state: found }, key };
  }

  return {
    check: async (request, requirement) => (await decide(request, requirement)).result,
    async guard(request, requirement) {
      const { result, key } = await decide(request, requirement);
      if (result.allowed) return null;
      return send(refusal(result.reason, requirement, plans), { secret: key, backLink: null });
    },
  };
}

interface CacheConfig {
  ttlMs: number;
  /** How long after it was read a state is kept, and may answer for an outage ('last-known'). */
  keepMs: number;
  keeper: StateKeeper;
}

function resolveCache(cache: AccessCheckOptions['cache'], timeoutMs: number): CacheConfig | null {
  if (cache === false) return null;
  if (cache !== undefined && (typeof cache !== 'object' || cache === null))
    throw new TypeError('cache must be false or an object { ttlMs?, store?, maxEntries?, lastKnownMs? }.');
  const ttlMs = cache?.ttlMs ?? 30_000;
  if (!Number.isFinite(ttlMs) || ttlMs < 0) throw new TypeError('cache.ttlMs must be a number ≥ 0.');
  const lastKnownMs = cache?.lastKnownMs ?? defaultLastKnownMs;
  if (!Number.isFinite(lastKnownMs) || lastKnownMs <= 0)
    throw new TypeError('cache.lastKnownMs must be a positive number.');
  const maxEntries = cache?.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new TypeError('cache.maxEntries must be a whole number ≥ 1.');
  const keepMs = Math.max(ttlMs, lastKnownMs);
  const keeper =
    cache?.store === undefined
      ? memoryKeeper(maxEntries)
      : storeKeeper(checkStore(cache.store, owner), keepMs, timeoutMs);
  return { ttlMs, keepMs, keeper };
}

type Read = BillingState | 'unauthorized' | 'unavailable';

/**
 * Reads a tenant's state through the cache: a fresh kept state, else Saiku (and keeps what it
 * answers), else, on an outage with `'last-known'`, the kept state that is not too old. Checks of
 * one tenant that arrive while a read is under way wait for that read instead of starting another.
 */
function sharedReads(
  upstream: UpstreamConfig,
  cache: CacheConfig | null,
  onUnavailable: 'deny' | 'last-known',
): (request: Request, key: string) => Promise<Read> {
  const pending = new Map<string, Promise<Read>>();

  async function readThrough(request: Request, key: string, name: string): Promise<Read> {
    const reporting = { request, config: upstream, key };
    const tell = (caught: unknown) =>
      report(reporting, caught instanceof Error ? caught : new Error(String(caught)));
    // A store that fails is no entry: Saiku is read instead, and onError told.
    const kept =
      cache === null
        ? undefined
        : await cache.keeper.get(name).catch((caught: unknown) => (tell(caught), undefined));
    if (cache !== null && kept !== undefined && Date.now() - kept.readAt < cache.ttlMs) return kept.state;
    let state: BillingState;
    try {
      // Not aborted with this request: other checks may be waiting for the same read.
      const client = createSaikuClient({
        apiKey: key,
        baseUrl: upstream.baseUrl,
        fetch: upstream.fetch,
        timeoutMs: upstream.timeoutMs,
      });
      state = await client.getState();
    } catch (caught) {
      if (!(caught instanceof BillingError)) {
        internalError(reporting, caught);
        return 'unavailable';
      }
      tell(caught);
      if (caught.code === 'unauthorized') return 'unauthorized';
      const lastKnown =
        onUnavailable === 'last-known' &&
        cache !== null &&
        kept !== undefined &&
        Date.now() - kept.readAt < cache.keepMs;
      return lastKnown ? kept.state : 'unavailable';
    }
    if (cache !== null) {
      await cache.keeper.set(name, { state, readAt: Date.now() }).catch(tell);
    }
    return state;
  }

  // A SHA-256 per check is most of a warm check's cost: each key's name is worked out once. Only this
  // process's memory holds the keys, as the host's own code that resolves them does.
  const names = new LRUCache<string, string>({ max: 1_000 });
  return async (request, key) => {
    let name = names.get(key);
    if (name === undefined) {
      name = await stateKey(key);
      names.set(key, name);
    }
    let read = pending.get(name);
    if (read === undefined) {
      read = readThrough(request, key, name).finally(() => pending.delete(name));
      pending.set(name, read);
    }
    return read;
  };
}

const messages = {
  payment: 'Your plan does not include this. One of the plans listed does.',
  unauthorized: 'Not signed in, or not allowed to use this.',
  unavailable: 'Your plan could not be checked just now. Try again shortly.',
} as const;

/** `guard`'s answer for a refused check: 402 with the plans that would grant it, 401, or 503. */
function refusal(
  reason: AccessReason,
  requirement: AccessRequirement | undefined,
  plans: readonly PlanInfo[],
): Reply {
  if (reason === 'unauthorized')
    return new Reply(401, { data: { error: 'unauthorized', message: messages.unauthorized } });
  if (reason === 'unavailable')
    return new Reply(503, { data: { error: 'unavailable', message: messages.unavailable } });
  const body = {
    error: 'payment_required',
    message: messages.payment,
    requirement: requirement ?? null,
    plans: plansUnlocking(requirement, plans),
  };
  return new Reply(402, { data: body });
}
