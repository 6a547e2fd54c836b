// toNodeHandler against hostile clients over real sockets: a body that drips in, a client that leaves.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBillingProxy, toNodeHandler, type ProxyOptions } from '../../src/server';
import { fakeApiKey, startFakeSaiku, type FakeSaiku } from './fakeSaiku';
import { listen, type Listening } from './listen';

let fake: FakeSaiku;
const servers: Listening[] = [];
beforeAll(async () => {
  fake = await startFakeSaiku();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await fake.close();
});
beforeEach(() => fake.reset());

/** The proxy behind node:http; `answered` resolves with each response the proxy produced. */
async function serveProxy(options: Partial<ProxyOptions> = {}) {
  const proxy = createBillingProxy({
    apiKey: fake.apiKey,
    baseUrl: fake.baseUrl,
    // These tests are about input rules; the guards (their own tests) would read a subscribed fake tenant.
    blockDuplicateSubscriptions: false,
    rateLimit: false,
    ...options,
  });
  const answers: Response[] = [];
  let answered: (response: Response) => void = () => undefined;
  const next = () => new Promise<Response>((resolve) => (answered = resolve));
  let pending = next();
  const handler = toNodeHandler(
    Object.assign(
      async (request: Request) => {
        const response = await proxy(request);
        answers.push(response);
        answered(response);
        return response;
      },
      { basePath: proxy.basePath },
    ),
  );
  const server = await listen(handler);
  servers.push(server);
  const { port } = new URL(server.origin);
  return {
    origin: server.origin,
    port: Number(port),
    /** The proxy's next answer (made even when nobody is left to read it). */
    nextAnswer: () => {
      const current = pending;
      pending = current.then(next);
      return current;
    },
  };
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes the connection. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('close', () => resolve(text));
  });
}

function head(origin: string, path: string, headers: Record<string, string>): string {
  const lines = [`POST ${path} HTTP/1.1`, `Host: ${new URL(origin).host}`, `Origin: ${origin}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

describe('toNodeHandler: a body that drips in (slowloris)', () => {
  /** Sends the head, then one byte of a longer body every 100 ms until the server closes. */
  async function dripBody(port: number, origin: string, path: string, headers: Record<string, string>) {
    const socket = await openSocket(port);
    const received = readAll(socket);
    socket.write(head(origin, path, { 'Content-Length': '400', ...headers }));
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write('{');
    }, 100);
    try {
      return await received;
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
  }

  it('answers 408 request_timeout (JSON) once bodyTimeoutMs runs out, and closes the connection', async () => {
    const { port, origin } = await serveProxy({ bodyTimeoutMs: 300 });
    const raw = await dripBody(port, origin, '/api/billing/checkout-session', {
      'Content-Type': 'application/json',
    });
    expect(raw).toMatch(/^HTTP\/1\.1 408 /);
    expect(raw.toLowerCase()).toContain('connection: close');
    expect(raw).toContain('application/json');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({
      error: 'request_timeout',
      message: 'The request body did not arrive within 300 ms.',
    });
    expect(fake.received).toEqual([]);
  });

  it('answers a browser form post that drips in with the 408 as a page', async () => {
    const { port, origin } = await serveProxy({ bodyTimeoutMs: 300 });
    const raw = await dripBody(port, origin, '/api/billing/checkout', {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'text/html',
    });
    expect(raw).toMatch(/^HTTP\/1\.1 408 /);
    expect(raw).toContain('text/html');
    expect(raw).toContain('The request body did not arrive within 300 ms.');
    expect(fake.received).toEqual([]);
  });

  it('refuses a bodyTimeoutMs that is not a positive number', () => {
    for (const bodyTimeoutMs of [0, -1, Number.NaN, Infinity]) {
      expect(() => createBillingProxy({ apiKey: fakeApiKey, bodyTimeoutMs })).toThrow(TypeError);
    }
  });
});

describe('toNodeHandler: a browser that has left', () => {
  const body = JSON.stringify({
    tier: 'team',
    successUrl: 'http://127.0.0.1/ok',
    cancelUrl: 'http://127.0.0.1/billing',
  });

  /** Sends a whole checkout request, then resets the connection once `leaveWhen` resolves. */
  async function sendAndReset(port: number, origin: string, leaveWhen: Promise<unknown>) {
    const socket = await openSocket(port);
    socket.on('error', () => undefined);
    const requestBody = body.replaceAll('http://127.0.0.1', origin);
    socket.write(
      head(origin, '/api/billing/checkout-session', {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(requestBody)),
      }) + requestBody,
    );
    await leaveWhen;
    socket.resetAndDestroy();
  }

  it('does not start the upstream call once the client has reset the connection', async () => {
    let customerAsked: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (customerAsked = resolve));
    const { port, origin, nextAnswer } = await serveProxy({
      // The host's own lookup is still running when the browser leaves; bounded at 2 s.
      customer: (request) =>
        new Promise((resolve) => {
          customerAsked();
          const timer = setTimeout(() => resolve({}), 2000);
          request.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve({});
          });
        }),
    });
    const answer = nextAnswer();
    await sendAndReset(port, origin, asked);
    expect((await answer).status).toBe(499);
    expect(fake.received).toEqual([]);
  });

  it('aborts the upstream call in flight when the client resets, so Saiku never answers it', async () => {
    let upstreamClosed: (answered: boolean) => void = () => undefined;
    const closed = new Promise<boolean>((resolve) => (upstreamClosed = resolve));
    let reached: () => void = () => undefined;
    const upstreamReached = new Promise<void>((resolve) => (reached = resolve));
    // Saiku holds the answer (bounded at 2 s); the proxy must hang up on it when the browser leaves.
    fake.answerWith((_request, res) => {
      const timer = setTimeout(() => res.end('{}'), 2000);
      res.once('close', () => {
        clearTimeout(timer);
        upstreamClosed(res.writableFinished);
      });
      reached();
    });
    const { port, origin, nextAnswer } = await serveProxy();
    const answer = nextAnswer();
    await sendAndReset(port, origin, upstreamReached);
    expect((await answer).status).toBe(499);
    expect(await closed).toBe(false);
  });

  it('keeps the signal quiet for a client that stays to read the answer', async () => {
    const { origin, nextAnswer } = await serveProxy();
    const answer = nextAnswer();
    const response = await fetch(`${origin}/api/billing/state`);
    expect(response.status).toBe(200);
    expect((await answer).status).toBe(200);
  });
});
