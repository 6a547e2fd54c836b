// What the proxy does with a hostile or broken upstream: a body that never ends or drips, an answer of
// 100 MB or a gzip bomb, a session URL that is not Stripe's. Each was found by a review and is pinned here.
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createBillingProxy, type ProxyOptions } from '../../src/server';
import { fakeApiKey, freeStateBody, sendJson, startFakeSaiku, type FakeSaiku } from './fakeSaiku';

const app = 'https://app.example.com';
const cancelUrl = `${app}/billing`;
const validCheckout = { tier: 'team', successUrl: `${app}/billing?saiku_checkout=success`, cancelUrl };
const sameOrigin = { Origin: app, 'Sec-Fetch-Site': 'same-origin' };

let fake: FakeSaiku;
beforeAll(async () => {
  fake = await startFakeSaiku();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.state = freeStateBody;
});

function proxy(options: Partial<ProxyOptions> = {}) {
  return createBillingProxy({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, ...options });
}

const getState = () => new Request(`${app}/api/billing/state`);

function postJson(path: string, body: unknown): Request {
  return new Request(`${app}/api/billing/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...sameOrigin },
    body: JSON.stringify(body),
  });
}

function postForm(path: string, fields: Record<string, string>): Request {
  return new Request(`${app}/api/billing/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameOrigin },
    body: new URLSearchParams(fields).toString(),
  });
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error: code, message: expect.any(String) });
}

describe('the time limit covers reading the answer', () => {
  it('answers 504 when a fetch resolves but the body never ends, whatever the fetch does with its signal', async () => {
    let cancelled = false;
    // A host's instrumented fetch: it resolves at once and never looks at the signal.
    const stalling: typeof fetch = () =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start: (controller) => controller.enqueue(new TextEncoder().encode('{"tenantId":')),
            pull: () => new Promise<void>(() => {}),
            cancel: () => void (cancelled = true),
          }),
          { headers: { 'Content-Type': 'application/json' } },
        ),
      );
    await expectError(await proxy({ fetch: stalling, timeoutMs: 100 })(getState()), 504, 'timeout');
    expect(cancelled).toBe(true);
  });

  it('answers 504 when the body drips a byte at a time, and stops the drip', async () => {
    vi.useFakeTimers();
    let dripped = 0;
    let cancelled = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    onTestFinished(() => {
      clearInterval(timer);
      vi.useRealTimers();
    });
    // A body that sends a byte every 5 ms for as long as it is left open.
    const dripping: typeof fetch = () =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start: (controller) => {
              timer = setInterval(() => {
                controller.enqueue(new Uint8Array([0x20]));
                dripped += 1;
              }, 5);
            },
            cancel: () => {
              cancelled = true;
              clearInterval(timer);
            },
          }),
        ),
      );
    const answer = proxy({ fetch: dripping, timeoutMs: 100 })(getState());
    await vi.advanceTimersByTimeAsync(100);
    await expectError(await answer, 504, 'timeout');
    expect(dripped).toBeGreaterThan(0);
    // The proxy hung up on the body: cancelled, and not one byte more comes after the answer.
    expect(cancelled).toBe(true);
    const atAnswer = dripped;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(dripped).toBe(atAnswer);
  });

  it('answers 504 when Saiku itself sends the headers and then a byte at a time, and hangs up on it', async () => {
    const timers: ReturnType<typeof setInterval>[] = [];
    onTestFinished(() => timers.forEach(clearInterval));
    let hungUp = false;
    fake.answerWith((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 5);
      timers.push(timer);
      res.on('close', () => {
        hungUp = true;
        clearInterval(timer);
      });
    });
    await expectError(await proxy({ timeoutMs: 100 })(getState()), 504, 'timeout');
    // Saiku sees the connection closed, rather than writing into it until its own limits end it.
    await vi.waitFor(() => expect(hungUp).toBe(true));
  });
});

/** A Saiku that answers every request with `total` bytes, as fast as they are read; counts what it sent. */
async function startHugeSaiku(
  answer: (res: ServerResponse) => Promise<void>,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => void answer(res).catch(() => undefined));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes `chunk` over and over, as fast as it is read, until `total` bytes are out or the reader went away. */
async function writeUntil(
  res: ServerResponse,
  chunk: Buffer,
  total: number,
  counter = { sent: 0 },
): Promise<void> {
  let closed = false;
  res.on('close', () => void (closed = true));
  while (counter.sent < total && !closed) {
    counter.sent += chunk.byteLength;
    if (!res.write(chunk)) await drainedOrClosed(res);
  }
  res.end();
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The largest heap + buffer memory seen, sampled every millisecond while `run` runs, minus the start. */
async function peakMemoryGrowth(run: () => Promise<unknown>): Promise<number> {
  const used = () => {
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  const start = used();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, used())), 1);
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, used()) - start;
}

const MB = 1024 * 1024;

describe('the size of what is read from Saiku is capped', () => {
  it('answers 502 to a 100 MB state (valid shape, huge tenantId), stops reading, and holds memory flat', async () => {
    const counter = { sent: 0 };
    const huge = await startHugeSaiku(async (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"tenantId":"');
      await writeUntil(res, Buffer.alloc(64 * 1024, 'x'), 100 * MB, counter);
    });
    try {
      const answers: Response[] = [];
      const growth = await peakMemoryGrowth(async () => {
        answers.push(await proxy({ baseUrl: huge.baseUrl })(getState()));
      });
      expect(answers).toHaveLength(1);
      await expectError(answers[0] as Response, 502, 'upstream');
      expect(growth).toBeLessThan(24 * MB);
    } finally {
      await huge.close();
    }
    // Reading stopped at the cap: Saiku got to send only what sits in socket buffers beyond it.
    expect(counter.sent).toBeGreaterThan(0);
    expect(counter.sent).toBeLessThan(20 * MB);
  });

  it('answers 502 to a gzip bomb (100 MB of zeros in about 100 KB) and holds memory flat', async () => {
    const gzip = createGzip({ level: 9 });
    const compressed: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => compressed.push(chunk));
    const zeros = Buffer.alloc(MB);
    for (let i = 0; i < 100; i++) if (!gzip.write(zeros)) await once(gzip, 'drain');
    gzip.end();
    await once(gzip, 'end');
    const bomb = Buffer.concat(compressed);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);

    const server = await startHugeSaiku(async (res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Content-Length': String(bomb.byteLength),
      });
      res.end(bomb);
    });
    try {
      const answers: Response[] = [];
      const growth = await peakMemoryGrowth(async () => {
        answers.push(await proxy({ baseUrl: server.baseUrl })(getState()));
      });
      expect(answers).toHaveLength(1);
      await expectError(answers[0] as Response, 502, 'upstream');
      expect(growth).toBeLessThan(24 * MB);
    } finally {
      await server.close();
    }
  });

  it('stops reading an answer that declares 100 MB at the cap', async () => {
    const server = await startHugeSaiku(async (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(100 * MB) });
      await writeUntil(res, Buffer.alloc(64 * 1024, ' '), 100 * MB, counter);
    });
    const counter = { sent: 0 };
    try {
      await expectError(await proxy({ baseUrl: server.baseUrl })(getState()), 502, 'upstream');
    } finally {
      await server.close();
    }
    expect(counter.sent).toBeLessThan(20 * MB);
  });

  it('still passes on an answer just under the cap', async () => {
    const padded = { ...freeStateBody, tenantId: 't'.repeat(60 * 1024) };
    fake.answerWith((_request, res) => sendJson(res, 200, padded));
    const response = await proxy()(getState());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(padded);
  });
});

describe('session URLs are held to the client’s redirect rule (allowedRedirectHosts)', () => {
  const sessionAt = (url: string) =>
    fake.answerWith((request, res) => {
      if (request.path === '/me/billing/state') sendJson(res, 200, freeStateBody);
      else if (request.path === '/me/billing/checkout-session')
        sendJson(res, 200, { url, sessionId: 'cs_1' });
      else sendJson(res, 200, { url });
    });

  it.each([
    'https://evil.com/phish',
    'http://127.0.0.1:1/',
    'https://checkout.stripe.com.evil.com/c/pay',
    'https://user:pass@checkout.stripe.com/c/pay',
    'javascript:alert(1)',
  ])('answers 502 and tells onError for a session URL at %s, on every route', async (url) => {
    sessionAt(url);
    const heard: Error[] = [];
    const handler = proxy({ onError: (error) => void heard.push(error) });
    await expectError(await handler(postJson('checkout-session', validCheckout)), 502, 'upstream');
    await expectError(await handler(postJson('portal-session', { returnUrl: cancelUrl })), 502, 'upstream');
    await expectError(await handler(postForm('checkout', validCheckout)), 502, 'upstream');
    await expectError(await handler(postForm('portal', { returnUrl: cancelUrl })), 502, 'upstream');
    expect(heard).toHaveLength(4);
    for (const error of heard) expect((error as { code?: string }).code).toBe('unsafe_redirect');
  });

  it('follows loopback http only when the host is listed, as the demo’s stand-in pages need', async () => {
    sessionAt('http://127.0.0.1:4000/checkout/cs_1');
    const handler = proxy({ allowedRedirectHosts: ['127.0.0.1:4000'] });
    const json = await handler(postJson('checkout-session', validCheckout));
    expect(await json.json()).toEqual({ url: 'http://127.0.0.1:4000/checkout/cs_1', sessionId: 'cs_1' });
    const form = await handler(postForm('portal', { returnUrl: cancelUrl }));
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('http://127.0.0.1:4000/checkout/cs_1');
    // Listing a host does not make plain http acceptable off loopback.
    sessionAt('http://pages.example.com/checkout/cs_1');
    const offLoopback = proxy({ allowedRedirectHosts: ['pages.example.com'] });
    await expectError(await offLoopback(postJson('checkout-session', validCheckout)), 502, 'upstream');
  });

  it('never puts the key in what it reports', async () => {
    sessionAt(`https://evil.com/?key=${fakeApiKey}`);
    const heard: Error[] = [];
    await proxy({ onError: (error) => void heard.push(error) })(
      postJson('portal-session', { returnUrl: cancelUrl }),
    );
    expect(heard).toHaveLength(1);
    expect(JSON.stringify(heard[0]) + String(heard[0]?.message)).not.toContain(fakeApiKey);
  });
});
