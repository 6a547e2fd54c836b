import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { BillingError } from '../../src/core';
import { readBodyText } from '../../src/core/readBody';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('https://app.acme.com/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

async function failure(promise: Promise<unknown>): Promise<BillingError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BillingError);
  return error as BillingError;
}

describe('readBodyText', () => {
  it('reads chunks made in another realm (a jsdom test page, a vm context) as the bytes they are', async () => {
    const foreign = runInNewContext('new Uint8Array([104, 195, 169, 108, 108, 111])') as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(foreign);
        controller.close();
      },
    });
    expect(await readBodyText(post(stream), 64)).toBe('héllo');
  });

  it('reads a UTF-8 body up to and including the limit', async () => {
    expect(await readBodyText(post('héllo'), 6)).toBe('héllo');
    expect(await readBodyText(new Request('https://app.acme.com/x'), 6)).toBe('');
  });

  it('refuses a body over the caller’s limit with 413, declared or streamed, without reading the rest', async () => {
    expect(await failure(readBodyText(post('x', { 'Content-Length': '7' }), 6))).toMatchObject({
      code: 'invalid_request',
      status: 413,
      message: 'The request body is larger than 6 bytes.',
    });
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4));
        if (pulled > 100) controller.close();
      },
    });
    expect((await failure(readBodyText(post(stream), 10))).status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it('refuses a body that is not UTF-8 with 400', async () => {
    const error = await failure(readBodyText(post(new Uint8Array([0xff, 0xfe])), 16));
    expect(error).toMatchObject({ status: 400, message: 'The request body is not valid UTF-8.' });
  });

  it('gives up with 408 when the body is still arriving after timeoutMs, and stops reading it', async () => {
    vi.useFakeTimers();
    try {
      let cancelled = false;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"ti'));
        },
        cancel() {
          cancelled = true;
        },
      });
      const reading = failure(readBodyText(post(stream), 100, { timeoutMs: 250 }));
      await vi.advanceTimersByTimeAsync(250);
      const error = await reading;
      expect(error).toMatchObject({
        code: 'timeout',
        status: 408,
        message: 'The request body did not arrive within 250 ms.',
      });
      expect(cancelled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads a body that arrives in time, with no timer left behind', async () => {
    vi.useFakeTimers();
    try {
      expect(await readBodyText(post('{"tier":"team"}'), 100, { timeoutMs: 250 })).toBe('{"tier":"team"}');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
