// A Tailwind v4 + Vite host app (examples/shadcn-vite, set up as `shadcn init` would) with the registry's
// items added by the real `shadcn add`, from the registry the packed package ships (dist/r), then
// type-checked and built for production; and a server for that build with the real proxy in front of
// the simulator, both from the packed package. Nothing but the npm registry is reachable here, so a
// loopback server stands in for shadcn's own registry (REGISTRY_URL), serving its button, card, badge
// and dialog from e2e/fixtures/shadcn-r, and the app's `@saiku` namespace points at the shipped dist/r.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { packPackage } from '../../bench/packedFixture.mjs';
import type * as MockEntry from '../../src/mock';
import type { BillingSimulator } from '../../src/mock';
import type * as ServerEntry from '../../src/server';
import { demoApiKey } from './secrets';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const example = resolve(root, 'examples/shadcn-vite');
const shadcnFixtures = resolve(root, 'e2e/fixtures/shadcn-r');

/** The registry items a host adds by name; their own dependencies come along. */
export const addedItems = [
  'plan-card',
  'pricing-table',
  'upgrade-button',
  'manage-button',
  'paywall-dialog',
] as const;

/** What the example app declares, linked from the repo's node_modules (so `shadcn add` installs nothing). */
const linkedPackages = [
  '@tanstack/react-query',
  'class-variance-authority',
  'clsx',
  'lucide-react',
  'radix-ui',
  'react',
  'react-dom',
  'tailwind-merge',
  '@tailwindcss/vite',
  '@types/react',
  '@types/react-dom',
  '@vitejs/plugin-react',
  'tailwindcss',
  'typescript',
  'vite',
];

export interface ShadcnHostBuild {
  /** The app's folder (a temporary copy of examples/shadcn-vite). */
  dir: string;
  /** Every path the registry stand-in was asked for, in order. */
  registryRequests: string[];
  /** What `shadcn add` printed. */
  addOutput: string;
  /** The files `shadcn add` wrote, relative to the app. */
  addedFiles: string[];
  /** The app's package.json before and after `shadcn add`. */
  packageJson: { before: string; after: string };
  /** The tsc and vite build output. */
  buildOutput: string;
  dispose(): void;
}

/** Runs a Node script of the repo's node_modules (on the Node running the tests: 22 under npm test). */
async function node(script: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const running = run(process.execPath, [resolve(root, script), ...args], {
    cwd: options.cwd,
    env: { ...process.env, CI: 'true', ...options.env },
    maxBuffer: 16 * 1024 * 1024,
  });
  // No standard input, as on CI: a prompt would end the command rather than wait.
  running.child.stdin?.end();
  try {
    const { stdout, stderr } = await running;
    return stdout + stderr;
  } catch (error) {
    // execFile's message names the command only: what it printed is why it failed.
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${(error as Error).message}\n${stdout}${stderr}`, { cause: error });
  }
}

/** Serves e2e/fixtures/shadcn-r at /r/ and the package's dist/r at /saiku/, recording each request. */
async function startRegistryStandIn(saikuRegistry: string) {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const [base, rest] = path.startsWith('/r/')
      ? [shadcnFixtures, path.slice(3)]
      : path.startsWith('/saiku/')
        ? [saikuRegistry, path.slice(7)]
        : [null, ''];
    const file = base && normalize(join(base, rest));
    if (!file || !file.startsWith(base + '/') || extname(file) !== '.json') {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, requests, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}

/** Packs the repo (dist/ must be built), installs the example app, adds the items, type-checks and builds. */
export async function buildShadcnHost(): Promise<ShadcnHostBuild> {
  const work = mkdtempSync(join(tmpdir(), 'saiku-billing-shadcn-'));
  const dir = join(work, 'app');
  try {
    const tarball = packPackage(work);
    cpSync(example, dir, { recursive: true, filter: (src) => !/\/(node_modules|dist)$/.test(src) });
    const installed = join(dir, 'node_modules/@saiku/billing-react');
    mkdirSync(installed, { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
    // And the package's own dependencies, where npm would install them beside it.
    const { dependencies = {} } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const name of [...linkedPackages, ...Object.keys(dependencies)]) {
      mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
      symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
    }

    const shipped = join(installed, 'dist/r');
    const registry = await startRegistryStandIn(shipped);
    let addOutput: string;
    const before = readFileSync(join(dir, 'package.json'), 'utf8');
    try {
      // The app's `@saiku` namespace, from a public npm CDN to the stand-in serving the same files.
      const configPath = join(dir, 'components.json');
      const config = JSON.parse(readFileSync(configPath, 'utf8')) as { registries: Record<string, string> };
      config.registries['@saiku'] = `${registry.url}/saiku/{name}.json`;
      writeFileSync(configPath, JSON.stringify(config, null, 2));
      addOutput = await node(
        'node_modules/shadcn/dist/index.js',
        [
          'add',
          '--cwd',
          dir,
          '--yes',
          '--overwrite',
          // Four by the path of their built JSON, one by name through the app's namespace.
          ...addedItems.map((name) =>
            name === 'pricing-table' ? `@saiku/${name}` : join(shipped, `${name}.json`),
          ),
        ],
        { cwd: root, env: { REGISTRY_URL: `${registry.url}/r` } },
      );
    } finally {
      await close(registry.server);
    }
    const after = readFileSync(join(dir, 'package.json'), 'utf8');
    const addedFiles = [...addOutput.matchAll(/^\s+- (src\/\S+)$/gm)].map((match) => match[1] ?? '');

    const buildOutput =
      (await node('node_modules/typescript/bin/tsc', ['-p', '.'], { cwd: dir })) +
      (await node('node_modules/vite/bin/vite.js', ['build', '--logLevel', 'warn'], {
        cwd: dir,
        // A production build (vitest sets NODE_ENV=test, which Vite would keep), whose page lets the
        // browser go to the simulator's stand-in Checkout and Portal on the page's own origin.
        env: { NODE_ENV: 'production', VITE_STAND_IN_STRIPE: 'true' },
      }));
    return {
      dir,
      registryRequests: registry.requests,
      addOutput,
      addedFiles,
      packageJson: { before, after },
      buildOutput,
      dispose: () => rmSync(work, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

export interface ShadcnHostServer {
  url: string;
  simulator: BillingSimulator;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serves the app's production build, the billing proxy at /api/billing and the simulator's stand-in
 * Checkout and Portal at /__saiku, the proxy and simulator imported from the app's installed package.
 */
export async function serveShadcnHost(dir: string, webhookDelayMs: number): Promise<ShadcnHostServer> {
  const dist = join(dir, 'node_modules/@saiku/billing-react/dist');
  const load = (entry: string) => import(pathToFileURL(join(dist, entry, 'index.js')).href);
  const server = (await load('server')) as typeof ServerEntry;
  const mock = (await load('mock')) as typeof MockEntry;
  const http = createServer();
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const simulator = mock.createBillingSimulator({ webhookDelayMs, publicUrl: `${origin}/__saiku` });
  const proxy = server.toNodeHandler(
    server.createBillingProxy({
      apiKey: demoApiKey,
      baseUrl: 'http://saiku-simulator.internal',
      fetch: (input, init) => simulator.fetch(new Request(input, init)),
      allowedOrigins: [origin],
      allowedRedirectHosts: [new URL(origin).host],
      rateLimit: false,
    }),
  );
  const pages = server.toNodeHandler((request) => simulator.fetch(request), { basePath: '/__saiku' });
  const files = join(dir, 'dist');
  const serveFile = (path: string, res: ServerResponse) => {
    const file = normalize(join(files, path === '/' ? 'index.html' : path));
    const safe = file.startsWith(files + '/') ? file : join(files, 'index.html');
    readFile(safe).then(
      (body) =>
        res
          .writeHead(200, { 'Content-Type': contentTypes[extname(safe)] ?? 'application/octet-stream' })
          .end(body),
      // Any other path is the single-page app's (the return URLs carry only a query).
      () => res.writeHead(404).end(),
    );
  };
  http.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path.startsWith('/__saiku')) return pages(req, res);
    proxy(req, res, () => serveFile(path, res));
  });
  return {
    url: origin,
    simulator,
    close: async () => {
      const closed = close(http);
      http.closeAllConnections();
      await closed;
    },
  };
}
