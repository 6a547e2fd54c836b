/**
 * The proxy's limit on session mints (Checkout and Portal, JSON and form routes together), so one
 * signed-in script cannot mint thousands of Stripe sessions and exhaust the tenant's own Saiku quota.
 */
/**
 * What the proxy needs of a limiter: rate-limiter-flexible's limiters (`RateLimiterMemory`,
 * `RateLimiterRedis`, …) fit as they are. `consume` resolves when the request is within the budget;
 * it rejects with an object carrying `msBeforeNext` when it is over (429), or with an `Error` when the
 * limiter itself failed (its store is down; or it did not answer within `timeoutMs`): the request is
 * then let through and `onError` told.
 */
export interface RateLimiterLike {
  consume(key: string, points?: number): Promise<unknown>;
}

export interface RateLimitOptions {
  /**
   * Where the budget is kept. Pass a shared one (e.g. `RateLimiterRedis`) when the host runs several
   * servers or serverless instances. @default 10 mints a minute per key, in this process's memory
   */
  limiter?: RateLimiterLike;
  /**
   * Whose budget a request spends, e.g. the signed-in user's id. A throw answers 500.
   * @default a SHA-256 hash of the tenant's resolved API key (never the key itself)
   */
  key?: (request: Request) => string | Promise<string>;
}

/** The default budget: 10 session mints per minute per key. */
export const defaultRateLimit = { points: 10, durationMs: 60_000 } as const;

/**
 * The in-memory default: a fixed window per key, no dependency, the same on every runtime.
 * It rejects as rate-limiter-flexible does, with `{ msBeforeNext }`, so one code path reads both.
 */
export function createMemoryRateLimiter(
  points: number = defaultRateLimit.points,
  durationMs: number = defaultRateLimit.durationMs,
): RateLimiterLike {
  if (!Number.isInteger(points) || points < 1 || !Number.isFinite(durationMs) || durationMs <= 0) {
    throw new TypeError(
      'createMemoryRateLimiter needs a whole number of points ≥ 1 and a positive durationMs.',
    );
  }
  const windows = new Map<string, { start: number; used: number }>();
  let nextSweep = 0;
  return {
    consume(key, spend = 1) {
      const now = Date.now();
      // Forget ended windows now and then, so keys that stop coming do not stay in memory.
      if (now >= nextSweep) {
        for (const [name, window] of windows) if (now - window.start >= durationMs) windows.delete(name);
        nextSweep = now + durationMs;
      }
      let window = windows.get(key);
      if (window === undefined || now - window.start >= durationMs) {
        window = { start: now, used: 0 };
        windows.set(key, window);
      }
      if (window.used + spend > points) {
        return Promise.reject({ msBeforeNext: window.start + durationMs - now, remainingPoints: 0 });
      }
      window.used += spend;
      return Promise.resolve({ remainingPoints: points - window.used });
    },
  };
}

/** The default key: the tenant, named by a hash of its key, so the key is never held or sent to a store. */
export async function hashedKey(apiKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(apiKey));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return `saiku-billing:${hex}`;
}

/**
 * Spends one mint of `key`'s budget: null when within it; over the limit, the seconds until the next
 * mint is allowed (at least 1). A limiter that fails (its store is down) or does not answer within
 * `timeoutMs` lets the request through (null) and hands the failure to `onFailure`: a store outage
 * must not stop customers from paying.
 */
export async function consumeMint(
  limiter: RateLimiterLike,
  key: string,
  timeoutMs: number,
  onFailure: (error: Error) => void,
): Promise<number | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`It did not answer within ${timeoutMs} ms.`)), timeoutMs);
  });
  try {
    await Promise.race([limiter.consume(key, 1), stalled]);
    return null;
  } catch (rejection) {
    const msBeforeNext = overLimitBy(rejection);
    if (msBeforeNext !== null) return Math.max(1, Math.ceil(msBeforeNext / 1000));
    onFailure(new Error('The rate limiter failed; the request was let through.', { cause: rejection }));
    return null;
  } finally {
    clearTimeout(timer);
  }
}

// rate-limiter-flexible's "over the limit" is a plain object (a RateLimiterRes), never an Error.
function overLimitBy(rejection: unknown): number | null {
  if (rejection instanceof Error || typeof rejection !== 'object' || rejection === null) return null;
  const ms = (rejection as { msBeforeNext?: unknown }).msBeforeNext;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : null;
}
