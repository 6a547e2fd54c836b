/**
 * Tenants' states kept for the access check: in this process's memory (a bounded LRU), or in a store
 * shared by many servers (Keyv's shape), which the proxy refreshes with every state it reads.
 */
import { LRUCache } from 'lru-cache';
import { parseBillingState } from '../core/parse';
import type { BillingState } from '../core/types';
import { hashedKey } from './rateLimit';

/**
 * A store shared by servers, in Keyv's shape: `new Keyv(new KeyvRedis('redis://…'))` fits as it is.
 * Values written are strings (JSON), so a store that keeps only strings fits too.
 */
export interface AccessStateStore {
  /** The value `set` wrote under `key`, or `undefined` when there is none (or it expired). */
  get(key: string): unknown;
  /** Keeps `value` under `key` for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): unknown;
}

/** A state as it was read from Saiku, and when (milliseconds since the epoch). */
export interface KeptState {
  state: BillingState;
  readAt: number;
}

/** Where kept states live: this process's memory or a shared store. Failures are thrown, for the caller to tell. */
export interface StateKeeper {
  get(key: string): Promise<KeptState | undefined>;
  set(key: string, kept: KeptState): Promise<void>;
}

/** How long a state is kept after it was read, for `onUnavailable: 'last-known'`: a day. */
export const defaultLastKnownMs = 86_400_000;

/** A tenant's entry, named by a hash of its key (never the key, which a shared store must not hold). */
export async function stateKey(apiKey: string): Promise<string> {
  return `${await hashedKey(apiKey)}:state`;
}

/** In this process's memory: at most `maxEntries` tenants, the least recently used forgotten first. */
export function memoryKeeper(maxEntries: number): StateKeeper {
  const entries = new LRUCache<string, KeptState>({ max: maxEntries });
  return {
    get: (key) => Promise.resolve(entries.get(key)),
    set(key, kept) {
      entries.set(key, kept);
      return Promise.resolve();
    },
  };
}

/**
 * In a shared store, as JSON with a format version; what is read back is parsed again (another
 * server, or anyone with access to the store, wrote it), and anything malformed is no entry.
 * Each call is bounded by `timeoutMs`, so a store that hangs costs no more than Saiku would.
 */
export function storeKeeper(store: AccessStateStore, keepMs: number, timeoutMs: number): StateKeeper {
  return {
    async get(key) {
      const value = await bounded(Promise.resolve(store.get(key)), timeoutMs, 'get');
      return typeof value === 'string' ? decode(value) : undefined;
    },
    async set(key, kept) {
      const value = JSON.stringify({ v: 1, state: kept.state, readAt: kept.readAt });
      await bounded(Promise.resolve(store.set(key, value, keepMs)), timeoutMs, 'set');
    },
  };
}

function decode(value: string): KeptState | undefined {
  try {
    const { v, state, readAt } = JSON.parse(value) as { v?: unknown; state?: unknown; readAt?: unknown };
    if (v !== 1 || typeof readAt !== 'number' || !Number.isFinite(readAt)) return undefined;
    return { state: parseBillingState(state), readAt };
  } catch {
    return undefined;
  }
}

/** The store's answer, or an `Error` once `timeoutMs` has passed without one. */
async function bounded<T>(pending: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The state store's ${what} did not answer within ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([pending, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks a `store` option: an object with `get` and `set` methods; `owner` names the caller. */
export function checkStore(store: unknown, owner: string): AccessStateStore {
  const candidate = store as Partial<AccessStateStore> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.get !== 'function' ||
    typeof candidate.set !== 'function'
  ) {
    throw new TypeError(
      `${owner}: cache.store must have get(key) and set(key, value, ttlMs) methods, as a Keyv has.`,
    );
  }
  return candidate as AccessStateStore;
}
