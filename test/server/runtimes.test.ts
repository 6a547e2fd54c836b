// docs/server.md's recipes for Node 20 (the machine's own Node), Bun, Deno, Cloudflare Workers and a Next.js
// edge route, each run for real on its runtime (bun, deno, workerd through miniflare and next's EdgeRuntime
// are devDependencies) over the BUILT dist/server/index.js, listening on 127.0.0.1 and forwarding to the
// fake Saiku server of this process. npm test builds first.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkoutBody, freeStateBody, startFakeSaiku, type FakeSaiku } from './fakeSaiku';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(import.meta.dirname, 'runtimes');
const startTimeoutMs = 30_000;
/** The proxy's `timeoutMs` in every recipe here (SAIKU_TIMEOUT_MS), so a stalled Saiku fails the test fast. */
const proxyTimeoutMs = 1_000;

let fake: FakeSaiku;
const stops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  if (!existsSync(resolve(root, 'dist/server/index.js'))) {
    throw new Error(
      'dist/server/index.js is missing: run `npm run build` first (npm test builds before the tests run).',
    );
  }
  fake = await startFakeSaiku();
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await fake?.close();
});
beforeEach(() => fake.reset());

/** What the recipe's process needs: the key and where Saiku is, nothing else of this process's environment. */
function recipeEnv(): Record<string, string> {
  const env: Record<string, string> = {
    SAIKU_API_KEY: fake.apiKey,
    SAIKU_BASE_URL: fake.baseUrl,
    SAIKU_TIMEOUT_MS: String(proxyTimeoutMs),
    NO_COLOR: '1',
  };
  for (const name of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Spawns a recipe and waits (bounded) for the `listening on http://127.0.0.1:PORT` line it prints. */
async function startProcess(command: string, args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  stops.push(() => stopProcess(child));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise<string>((resolveOrigin, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')}: ${why}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail(`not listening after ${startTimeoutMs} ms`), startTimeoutMs);
    child.on('error', (error) => fail(error.message));
    child.on('exit', (code, signal) => fail(`exited (${code ?? signal}) before listening`));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const origin = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (origin) {
        clearTimeout(timer);
        resolveOrigin(origin);
      }
    });
  });
}

/** SIGTERM, then SIGKILL if it has not exited within 5 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

interface Runtime {
  name: string;
  /** The recipe, as docs/server.md shows it. */
  recipe: string;
  /** Starts the recipe; resolves to its origin on 127.0.0.1. */
  start(): Promise<string>;
}

/** Node 20, the engines field's floor: the tools run on Node 22, so this is the machine's own Node. */
const node20 = process.env.NODE20_PATH ?? '/usr/bin/node';

const runtimes: Runtime[] = [
  {
    name: `Node 20 (${node20})`,
    recipe: 'http.createServer(toNodeHandler(billing))',
    start() {
      const version = existsSync(node20)
        ? execFileSync(node20, ['--version'], { encoding: 'utf8' }).trim()
        : '';
      if (!version.startsWith('v20.')) {
        throw new Error(
          `${node20} is ${version ? `Node ${version}` : 'missing'}: the README promises Node 20, so this test ` +
            'needs one (set NODE20_PATH), or the README must stop promising it.',
        );
      }
      return startProcess(node20, [resolve(fixtures, 'node.mjs')], recipeEnv());
    },
  },
  {
    name: 'Bun',
    recipe: 'Bun.serve({ port, fetch: billing })',
    start: () =>
      startProcess(resolve(root, 'node_modules/.bin/bun'), [resolve(fixtures, 'bun.js')], recipeEnv()),
  },
  {
    name: 'Deno',
    recipe: 'Deno.serve({ port }, billing) under --allow-net --allow-env',
    start: () =>
      startProcess(
        resolve(root, 'node_modules/.bin/deno'),
        [
          'run',
          '--no-prompt',
          '--allow-net=127.0.0.1',
          '--allow-env=SAIKU_API_KEY,SAIKU_BASE_URL,SAIKU_TIMEOUT_MS',
          resolve(fixtures, 'deno.js'),
        ],
        { ...recipeEnv(), DENO_NO_UPDATE_CHECK: '1' },
      ),
  },
  {
    name: 'Cloudflare Workers (workerd via miniflare)',
    recipe:
      'export default { fetch: (request, env) => createBillingProxy({ apiKey: env.SAIKU_API_KEY })(request) }',
    async start() {
      // Bundled into one module as `wrangler deploy` bundles a worker (esbuild, the workerd conditions),
      // which is how /server's dependency (lru-cache) reaches workerd.
      const { outputFiles } = await build({
        entryPoints: [resolve(fixtures, 'worker.js')],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        conditions: ['workerd', 'worker', 'browser'],
        write: false,
        logLevel: 'silent',
      });
      const mf = new Miniflare({
        modules: true,
        script: outputFiles[0]?.text ?? '',
        compatibilityDate: '2026-04-01',
        bindings: {
          SAIKU_API_KEY: fake.apiKey,
          SAIKU_BASE_URL: fake.baseUrl,
          SAIKU_TIMEOUT_MS: String(proxyTimeoutMs),
        },
        host: '127.0.0.1',
        port: 0,
      });
      stops.push(() => mf.dispose());
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`miniflare not ready after ${startTimeoutMs} ms`)),
          startTimeoutMs,
        ).unref(),
      );
      return (await Promise.race([mf.ready, timeout])).origin;
    },
    // workerd refuses fetch's `redirect: 'error'`: the proxy asks for 'manual' and refuses a 3xx itself.
  },
  {
    name: "Next.js edge runtime (next's own EdgeRuntime, which has no AbortSignal.any)",
    recipe: "export const runtime = 'edge'; export { handler as GET, handler as POST }",
    async start() {
      // The route bundled into one script, as Next bundles an edge route, and run in the sandbox that
      // `next start` and `next dev` run edge routes in: a vm context with Next's web primitives.
      const { outputFiles } = await build({
        stdin: {
          contents: [
            "import * as route from './test/server/runtimes/next-edge.js';",
            'addEventListener("fetch", (event) => event.respondWith(route[event.request.method](event.request)));',
          ].join('\n'),
          resolveDir: root,
        },
        bundle: true,
        format: 'iife',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      const { EdgeRuntime, runServer } = createRequire(import.meta.url)(
        'next/dist/compiled/edge-runtime',
      ) as NextEdgeRuntime;
      const runtime = new EdgeRuntime({
        initialCode: outputFiles[0]?.text ?? '',
        // What Next gives an edge route: process.env and nothing else of process.
        extend: (context) => Object.assign(context, { process: { env: recipeEnv() } }),
      });
      // The point of this entry: the proxy's abort and timeout paths without AbortSignal.any.
      expect(runtime.evaluate('typeof AbortSignal.any')).toBe('undefined');
      const server = await runServer({ runtime, host: '127.0.0.1', port: 0 });
      stops.push(() => server.close());
      return new URL(server.url).origin;
    },
  },
];

/** The part of next/dist/compiled/edge-runtime (Vercel's edge-runtime package, as Next 16 ships it) used here. */
interface NextEdgeRuntime {
  EdgeRuntime: new (options: {
    initialCode: string;
    extend: (context: Record<string, unknown>) => Record<string, unknown>;
  }) => { evaluate(code: string): unknown };
  runServer(options: {
    runtime: unknown;
    host: string;
    port: number;
  }): Promise<{ url: string; close(): Promise<void> }>;
}

describe.each(runtimes)('$name: $recipe', (runtime) => {
  let origin: string;
  beforeAll(async () => {
    origin = await runtime.start();
  }, startTimeoutMs + 5_000);

  it('refuses a cross-site POST with 403 before anything reaches Saiku', async () => {
    const response = await fetch(`${origin}/api/billing/checkout-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ tier: 'team', successUrl: `${origin}/ok`, cancelUrl: `${origin}/billing` }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ error: 'forbidden' });
    expect(fake.received).toEqual([]);
  });

  it('answers 504 when Saiku does not answer within timeoutMs', async () => {
    fake.answerWith(() => undefined);
    const started = Date.now();
    const response = await fetch(`${origin}/api/billing/state`);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(proxyTimeoutMs - 50);
    expect(fake.received).toHaveLength(1);
  });

  const keyNeverReachesBrowser =
    'forwards the state with the key added, a JSON checkout and a form checkout ' +
    '(303), and the key never reaches the browser';
  it(keyNeverReachesBrowser, async () => {
    // A tenant without a subscription, so the duplicate guard (on by default) lets both Checkouts through.
    fake.state = freeStateBody;
    const state = await fetch(`${origin}/api/billing/state`, { headers: { Cookie: 'session=alice' } });
    const stateText = await state.text();
    expect(state.status).toBe(200);
    expect(JSON.parse(stateText)).toEqual(freeStateBody);
    expect(state.headers.get('cache-control')).toBe('no-store');
    expect(stateText).not.toContain(fake.apiKey);
    for (const [name, value] of state.headers) expect(`${name}: ${value}`).not.toContain(fake.apiKey);
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]).toMatchObject({ method: 'GET', path: '/me/billing/state' });
    expect(fake.received[0]?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(fake.received[0]?.headers.cookie).toBeUndefined();

    const session = { tier: 'team', successUrl: `${origin}/billing?ok=1`, cancelUrl: `${origin}/billing` };
    const json = await fetch(`${origin}/api/billing/checkout-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify(session),
    });
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual(checkoutBody);

    const form = await fetch(`${origin}/api/billing/checkout`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: origin,
        Referer: `${origin}/billing`,
      },
      body: new URLSearchParams({ tier: 'business' }),
      redirect: 'manual',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe(checkoutBody.url);

    // Each Checkout after the duplicate guard's state read; the rate limit (its key a Web Crypto hash) let both by.
    expect(fake.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /me/billing/state',
      'GET /me/billing/state',
      'POST /me/billing/checkout-session',
      'GET /me/billing/state',
      'POST /me/billing/checkout-session',
    ]);
    expect(fake.received.map((request) => request.headers.authorization)).toEqual(
      Array(5).fill(`Bearer ${fake.apiKey}`),
    );
    expect(JSON.parse(fake.received[2]?.body ?? '')).toEqual(session);
    expect(JSON.parse(fake.received[4]?.body ?? '')).toMatchObject({ tier: 'business' });
  });
});
