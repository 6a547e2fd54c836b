// createAccessCheck on the edge runtimes, over the BUILT dist/server/index.js: a module worker in workerd
// (miniflare), bundled as wrangler bundles it, and the same worker as a Next.js edge route in next's own
// EdgeRuntime (no AbortSignal.any, no Node APIs). lru-cache and Web Crypto's SHA-256 run there; a state
// read once answers both routes. npm test builds first.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSaiku, type FakeSaiku } from './fakeSaiku';

const root = resolve(import.meta.dirname, '../..');
const worker = resolve(import.meta.dirname, 'runtimes/access-worker.js');

let fake: FakeSaiku;
const stops: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  if (!existsSync(resolve(root, 'dist/server/index.js')))
    throw new Error('dist/server/index.js is missing: run `npm run build` first (npm test builds first).');
  fake = await startFakeSaiku();
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await fake?.close();
});

/** The worker bundled into one script: an ES module for workerd, or an event-listener script for Next. */
async function bundle(format: 'esm' | 'iife'): Promise<string> {
  const { outputFiles } = await build({
    ...(format === 'esm'
      ? { entryPoints: [worker] }
      : {
          stdin: {
            contents: [
              `import worker from ${JSON.stringify(worker)};`,
              'addEventListener("fetch", (event) => event.respondWith(worker.fetch(event.request, process.env)));',
            ].join('\n'),
            resolveDir: root,
          },
        }),
    bundle: true,
    format,
    platform: format === 'esm' ? 'neutral' : 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    logLevel: 'silent',
  });
  return outputFiles[0]?.text ?? '';
}

const env = () => ({ SAIKU_API_KEY: fake.apiKey, SAIKU_BASE_URL: fake.baseUrl });

const runtimes = [
  {
    name: 'Cloudflare Workers (workerd via miniflare)',
    async start() {
      const mf = new Miniflare({
        modules: true,
        script: await bundle('esm'),
        compatibilityDate: '2026-04-01',
        bindings: env(),
        host: '127.0.0.1',
        port: 0,
      });
      stops.push(() => mf.dispose());
      return (await mf.ready).origin;
    },
  },
  {
    name: "Next.js edge runtime (next's own EdgeRuntime)",
    async start() {
      const { EdgeRuntime, runServer } = createRequire(import.meta.url)(
        'next/dist/compiled/edge-runtime',
      ) as {
        EdgeRuntime: new (options: {
          initialCode: string;
          extend: (context: Record<string, unknown>) => Record<string, unknown>;
        }) => unknown;
        runServer(options: { runtime: unknown; host: string; port: number }): Promise<{
          url: string;
          close(): Promise<void>;
        }>;
      };
      const runtime = new EdgeRuntime({
        initialCode: await bundle('iife'),
        extend: (context) => Object.assign(context, { process: { env: env() } }),
      });
      const server = await runServer({ runtime, host: '127.0.0.1', port: 0 });
      stops.push(() => server.close());
      return new URL(server.url).origin;
    },
  },
];

describe.each(runtimes)('createAccessCheck on $name', (runtime) => {
  it('grants a Team feature, answers 402 for the business tier, from one state read', async () => {
    fake.reset();
    const origin = await runtime.start();
    const granted = await fetch(`${origin}/api/forecasts`);
    expect(granted.status).toBe(200);
    expect(await granted.json()).toEqual({ path: '/api/forecasts' });
    const refused = await fetch(`${origin}/api/reports`);
    expect(refused.status).toBe(402);
    const body = await refused.text();
    expect(JSON.parse(body)).toMatchObject({
      error: 'payment_required',
      requirement: { tier: 'business' },
      plans: [{ tier: 'business' }],
    });
    expect(body).not.toContain(fake.apiKey);
    expect(fake.received.map((request) => request.path)).toEqual(['/me/billing/state']);
    expect(fake.received[0]?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
  }, 40_000);
});
