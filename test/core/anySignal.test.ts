// anySignal, and how both clients stop (caller's abort, timeout) where `AbortSignal.any` is missing (Safari
// before 17.4, Chrome before 116, Firefox before 124, Next.js's edge runtime). Saiku and the proxy are a
// real server on 127.0.0.1, so Node's own fetch gets the signals.
import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BillingError, createProxyBackend, createSaikuClient } from '../../src/core';
import { anySignal } from '../../src/core/anySignal';
import { startFakeSaiku, stateBody, type FakeSaiku } from '../server/fakeSaiku';
import { inOlderRuntime } from './olderRuntime';

const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('anySignal', () => {
  it('uses AbortSignal.any where the runtime has it', () => {
    const any = vi.spyOn(AbortSignal, 'any');
    const inputs = [new AbortController().signal, new AbortController().signal];
    const { signal } = anySignal(inputs);
    expect(any).toHaveBeenCalledWith(inputs);
    expect(signal).toBe(any.mock.results[0]?.value);
  });

  describe('where AbortSignal.any is missing', () => {
    inOlderRuntime();

    it('aborts with the reason of the first input to abort, and keeps it', () => {
      const first = new AbortController();
      const second = new AbortController();
      const { signal } = anySignal([first.signal, second.signal]);
      expect(signal.aborted).toBe(false);
      second.abort('second');
      first.abort('first');
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBe('second');
    });

    it('is aborted from the start, with the first aborted input’s reason, when an input already is', () => {
      const reason = new Error('gone');
      const { signal } = anySignal([
        new AbortController().signal,
        AbortSignal.abort(reason),
        AbortSignal.abort('later'),
      ]);
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBe(reason);
    });

    it('leaves no listener on its inputs once it has aborted or been released', () => {
      const kept = new AbortController();
      const fired = new AbortController();
      anySignal([kept.signal, fired.signal]);
      expect([listeners(kept.signal), listeners(fired.signal)]).toEqual([1, 1]);
      fired.abort();
      expect(listeners(kept.signal)).toBe(0);

      const released = anySignal([kept.signal]);
      expect(listeners(kept.signal)).toBe(1);
      released.release();
      expect(listeners(kept.signal)).toBe(0);
      kept.abort();
      expect(released.signal.aborted).toBe(false);
    });
  });
});

describe('the clients where AbortSignal.any is missing', () => {
  let fake: FakeSaiku;
  beforeAll(async () => {
    fake = await startFakeSaiku();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());
  inOlderRuntime();

  /** The proxy's place on the fake: it serves the same state route, and wants the key the proxy would add. */
  const proxy = () => ({
    baseUrl: `${fake.baseUrl}/me/billing`,
    headers: { Authorization: `Bearer ${fake.apiKey}` },
  });

  /** Saiku holds its answer until the test ends; resolves when the request has arrived. */
  function holdAnswers(): Promise<void> {
    return new Promise((arrived) => fake.answerWith(() => arrived()));
  }

  it('createProxyBackend (the browser client) gets the state with the caller’s signal, no listener left', async () => {
    const caller = new AbortController();
    const backend = createProxyBackend(proxy());
    await expect(backend.getState({ signal: caller.signal })).resolves.toEqual(stateBody);
    expect(listeners(caller.signal)).toBe(0);
  });

  it('createProxyBackend stops at the caller’s abort, rejecting with its reason', async () => {
    const arrived = holdAnswers();
    const caller = new AbortController();
    const pending = createProxyBackend(proxy()).getState({
      signal: caller.signal,
    });
    await arrived;
    const reason = new Error('query cancelled');
    caller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('createProxyBackend hands a host’s fetch a signal that aborts with the caller’s reason', async () => {
    let seen: AbortSignal | undefined;
    const caller = new AbortController();
    const pending = createProxyBackend({
      ...proxy(),
      // Stalls until its signal aborts, then rejects, as a real fetch does.
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          seen = init?.signal ?? undefined;
          seen?.addEventListener('abort', () => reject(new Error('fetch aborted')));
        }),
    }).getState({ signal: caller.signal });
    const reason = new Error('query cancelled');
    caller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(seen?.reason).toBe(reason);
  });

  it('createProxyBackend still times out with a caller’s signal that never aborts', async () => {
    void holdAnswers();
    const error = await createProxyBackend({ ...proxy(), timeoutMs: 50 })
      .getState({ signal: new AbortController().signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).code).toBe('timeout');
  });

  it('createSaikuClient gets the state with its own and the call’s signal, leaving no listener', async () => {
    const client = new AbortController();
    const call = new AbortController();
    const saiku = createSaikuClient({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, signal: client.signal });
    await expect(saiku.getState({ signal: call.signal })).resolves.toEqual(stateBody);
    expect([listeners(client.signal), listeners(call.signal)]).toEqual([0, 0]);
    expect(fake.received).toHaveLength(1);
  });

  it.each(['client', 'call'] as const)(
    'createSaikuClient stops when the %s’s signal aborts',
    async (which) => {
      const arrived = holdAnswers();
      const signals = { client: new AbortController(), call: new AbortController() };
      const pending = createSaikuClient({
        apiKey: fake.apiKey,
        baseUrl: fake.baseUrl,
        signal: signals.client.signal,
      }).getState({ signal: signals.call.signal });
      await arrived;
      const reason = new Error(`${which} gone`);
      signals[which].abort(reason);
      await expect(pending).rejects.toBe(reason);
    },
  );

  it('createSaikuClient still times out with both signals quiet', async () => {
    void holdAnswers();
    const error = await createSaikuClient({
      apiKey: fake.apiKey,
      baseUrl: fake.baseUrl,
      timeoutMs: 50,
      signal: new AbortController().signal,
    })
      .getState({ signal: new AbortController().signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).code).toBe('timeout');
  });
});
