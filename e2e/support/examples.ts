// The host apps in examples/, as a host runs them: the package packed (`npm pack`) to
// examples/saiku-billing-react.tgz (each example's package.json names it as a file: dependency), each
// app installed with `npm ci` from its own lockfile, built for production and started on a free
// loopback port, its billing proxy in front of the simulator (no SAIKU_API_KEY).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { root } from '../../bench/packedFixture.mjs';

import { examplesTarball } from '../../scripts/pack-examples.mjs';

export { packForExamples } from '../../scripts/pack-examples.mjs';

export const examplesDir = join(root, 'examples');

export interface Example {
  /** The folder under examples/. */
  name: string;
  /**
   * Also run on React 18 (swapInReact18, then built again): the bundler's command alone (the types
   * were checked by `npm run build`), its build folder, and the browser bundle's.
   */
  react18?: { bundle: string[]; buildDir: string; clientDir: string };
  /** Server-rendered with the state prefetched: the first paint has the plan and makes no state request. */
  serverRendered: boolean;
  /** `npm start`'s extra arguments for the port and host, where the app takes no PORT / HOST. */
  startArgs(port: number): string[];
}

export const examples: Example[] = [
  {
    name: 'nextjs',
    serverRendered: true,
    startArgs: (port) => ['-p', String(port), '-H', '127.0.0.1'],
  },
  {
    name: 'react-router',
    serverRendered: true,
    react18: { bundle: ['react-router', 'build'], buildDir: 'build', clientDir: 'build/client' },
    startArgs: () => [],
  },
  // Next.js 16 needs React 19; the SPA does no hydration.
  { name: 'vite-express', serverRendered: false, startArgs: () => [] },
];

/**
 * The environment a host's shell would have. What `npm run test:e2e` and vitest put in ours is left
 * out: `npm_config_local_prefix` would point a child npm at the repository's root, and
 * `NODE_ENV=test` would give Next.js and React their development builds.
 */
function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|INIT_CWD$|NODE_ENV$|TEST$|SAIKU_API_)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, CI: 'true', NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs a command to its end; fails with its output. */
export function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: hostEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else
        reject(new Error(`${command} ${args.join(' ')} in ${cwd} ended with ${code ?? signal}:\n${output}`));
    });
  });
}

/** Files under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * `npm ci` trusts the lockfile: it installs the dependencies the lockfile lists for the tarball, not
 * the ones the packed package.json declares. Fails, saying what to run, when they do not match.
 */
function checkLockfile(example: Example): void {
  const packed = JSON.parse(
    execFileSync('tar', ['-xzOf', examplesTarball, 'package/package.json'], { encoding: 'utf8' }),
  ) as { dependencies?: Record<string, string> };
  const lockPath = join(examplesDir, example.name, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; integrity?: string }>;
  };
  const entry = lock.packages['node_modules/@saiku/billing-react'];
  const unlisted = Object.entries(packed.dependencies ?? {})
    .filter(([name, range]) => entry?.dependencies?.[name] !== range)
    .map(([name, range]) => `${name}@${range}`);
  if (unlisted.length > 0 || entry?.integrity !== undefined) {
    throw new Error(
      `examples/${example.name}/package-lock.json is out of date for the packed package ` +
        `(${unlisted.length > 0 ? `missing ${unlisted.join(', ')}` : "it pins the tarball's integrity"}): ` +
        'run npm run build && npm run examples:pack && npm run examples:lock, and commit the lockfiles.',
    );
  }
}

/**
 * `npm ci` in the example's folder. npm takes a `file:` tarball from its cache when the lockfile pins
 * its `integrity` (an earlier build's), so the examples' lockfiles carry none, and what was installed
 * is checked against this build's dist/.
 */
export async function install(example: Example): Promise<void> {
  const cwd = join(examplesDir, example.name);
  checkLockfile(example);
  await run('npm', ['ci', '--no-audit', '--no-fund'], cwd, 240_000);
  const built = join(root, 'dist');
  const installed = join(cwd, 'node_modules/@saiku/billing-react/dist');
  const stale = filesUnder(built).filter(
    (file) =>
      !existsSync(join(installed, file)) ||
      !readFileSync(join(built, file)).equals(readFileSync(join(installed, file))),
  );
  if (stale.length > 0) {
    throw new Error(
      `examples/${example.name} installed another build of the package (${stale.join(', ')} differ): ` +
        'remove "integrity" from node_modules/@saiku/billing-react in its package-lock.json.',
    );
  }
}

/** `npm run build` in the example's folder, or `npm exec -- <command>` when given one. */
export function build(example: Example, command?: string[]): Promise<void> {
  const args = command ? ['exec', '--', ...command] : ['run', 'build'];
  return run('npm', args, join(examplesDir, example.name), 240_000);
}

const react18Packages = ['react', 'react-dom', 'scheduler'];

/**
 * React 18.3 in place of the example's React 19: test/react18's copy (the one the react18 vitest
 * project runs on, installed by the root's `npm ci`). Returns the undo, which puts React 19 back and
 * removes the build made with 18.
 */
export function swapInReact18(example: Example, buildDir: string): () => void {
  const app = join(examplesDir, example.name);
  const modules = join(app, 'node_modules');
  const aside = join(modules, '.react19');
  rmSync(aside, { recursive: true, force: true });
  mkdirSync(aside);
  for (const name of react18Packages) {
    renameSync(join(modules, name), join(aside, name));
    cpSync(join(root, 'test/react18/node_modules', name), join(modules, name), { recursive: true });
  }
  return () => {
    for (const name of react18Packages) {
      rmSync(join(modules, name), { recursive: true, force: true });
      renameSync(join(aside, name), join(modules, name));
    }
    rmSync(aside, { recursive: true, force: true });
    rmSync(join(app, buildDir), { recursive: true, force: true });
  };
}

/** The React version inside the example's browser bundle (react-dom carries its version string). */
export function bundledReactVersions(example: Example, clientDir: string): string[] {
  const dir = join(examplesDir, example.name, clientDir);
  const found = new Set<string>();
  for (const file of filesUnder(dir).filter((name) => name.endsWith('.js'))) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/[`"'](1[89]\.\d+\.\d+)[`"']/g)) {
      if (match[1]) found.add(match[1]);
    }
  }
  return [...found].sort();
}

/** A port free on 127.0.0.1 right now (the OS's pick). */
function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePromise(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningExample {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  stop(): Promise<void>;
}

/** `npm start` on a free port with a fresh simulator (a new process); resolves once it answers. */
export async function startExample(example: Example): Promise<RunningExample> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = hostEnv({ NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', APP_ORIGIN: url });
  const extra = example.startArgs(port);
  const child: ChildProcess = spawn('npm', ['start', ...(extra.length ? ['--', ...extra] : [])], {
    cwd: join(examplesDir, example.name),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npm, the shell and the server stop together.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const group = -child.pid;
    process.kill(group, 'SIGTERM');
    // A server that has not stopped within 5 s is killed.
    const kill = setTimeout(() => process.kill(group, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(kill);
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${example.name} exited while starting:\n${output}`);
    try {
      const response = await fetch(`${url}/api/billing/state`);
      if (response.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${example.name} did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
}
