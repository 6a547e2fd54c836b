import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BillingError, createProxyBackend } from '../../src/core';
import { errorFromResponse } from '../../src/core/http';

const service = 'the Saiku API';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}

describe('errorFromResponse', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the server’s message and the status', () => {
    const body = { error: 'invalid_request', message: 'tier is required.' };
    const error = errorFromResponse(answer(400, body), body, service);
    expect(error).toBeInstanceOf(BillingError);
    expect(error).toMatchObject({ code: 'invalid_request', status: 400, message: 'tier is required.' });
  });

  it('reads a { code } body like an { error } body', () => {
    const error = errorFromResponse(answer(409, undefined), { code: 'no_customer' }, service);
    expect(error.code).toBe('no_customer');
  });

  it('writes its own message, naming the service, status and error, when the server sent none', () => {
    const error = errorFromResponse(answer(422, undefined), { error: 'invalid_tier' }, service);
    expect(error.message).toBe('the Saiku API answered 422 (invalid_tier).');
    expect(errorFromResponse(answer(500, undefined), undefined, service).message).toBe(
      'the Saiku API answered 500.',
    );
  });

  it('reads Retry-After in seconds', () => {
    expect(
      errorFromResponse(answer(429, undefined, { 'Retry-After': '7' }), undefined, service).retryAfter,
    ).toBe(7);
    expect(
      errorFromResponse(answer(429, undefined, { 'Retry-After': '0' }), undefined, service).retryAfter,
    ).toBe(0);
  });

  it('reads Retry-After as an HTTP date, in whole seconds from now', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-20T12:00:00Z'));
    const at = (iso: string) =>
      errorFromResponse(
        answer(429, undefined, { 'Retry-After': new Date(iso).toUTCString() }),
        undefined,
        service,
      ).retryAfter;
    expect(at('2026-06-20T12:00:30Z')).toBe(30);
    expect(at('2026-06-20T11:00:00Z')).toBe(0);
  });

  it('ignores a Retry-After it cannot read', () => {
    expect(
      errorFromResponse(answer(429, undefined, { 'Retry-After': 'soon' }), undefined, service).retryAfter,
    ).toBeUndefined();
    expect(errorFromResponse(answer(429, undefined), undefined, service).retryAfter).toBeUndefined();
  });

  it('never gives a negative retryAfter', () => {
    const retryAfter = errorFromResponse(
      answer(429, undefined, { 'Retry-After': '-5' }),
      undefined,
      service,
    ).retryAfter;
    expect(retryAfter === undefined || retryAfter >= 0).toBe(true);
  });

  it('gives retryAfter only for 429', () => {
    expect(
      errorFromResponse(answer(503, undefined, { 'Retry-After': '7' }), undefined, service).retryAfter,
    ).toBeUndefined();
  });
});

describe('a body that fails after the status arrived', () => {
  const baseUrl = 'http://127.0.0.1/api/billing';
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  let hits = 0;
  function streamedState(stream: ReadableStream<Uint8Array>) {
    hits = 0;
    server.use(
      http.get(`${baseUrl}/state`, () => {
        hits += 1;
        return new HttpResponse(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
  }

  it('is BillingError(network) when the connection breaks mid-answer', async () => {
    streamedState(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"tenantId":'));
          controller.error(new Error('socket hang up'));
        },
      }),
    );
    const error = await createProxyBackend({ baseUrl })
      .getState()
      .catch((caught: unknown) => caught);
    expect(hits).toBe(1);
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).code).toBe('network');
  });

  it('is BillingError(timeout) when the answer stalls past timeoutMs', async () => {
    // msw cannot stall a body mid-stream and then abort it cleanly under undici, so this
    // one fakes fetch itself, wiring the signal to the body as a real fetch does.
    const stallingFetch: typeof fetch = async (_input, init) => {
      const signal = init?.signal;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"tenantId":'));
          signal?.addEventListener('abort', () => controller.error(signal.reason));
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const error = await createProxyBackend({ baseUrl, fetch: stallingFetch, timeoutMs: 50 })
      .getState()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).code).toBe('timeout');
  });
});
