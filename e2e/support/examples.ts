// The host apps in examples/, as a host runs them: the package packed (`npm pack`) to
// examples/saiku-billing-react.tgz (each example's package.json names it as a file: dependency), each
// app installed with `npm ci` from its own lockfile, built for production and started on a free
// loopback port, its billing proxy in front of the simulator (no SAIKU_API_KEY).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { packPackage, root } from '../../bench/packedFixture.mjs';

export const examplesDir = join(root, 'examples');

export interface Example {
  /** The folder under examples/. */
  name: string;
  /** Server-rendered with the state prefetched: the first paint has the plan and makes no state request. */
  serverRendered: boolean;
  /** `npm start`'s extra arguments for the port and host, where the app takes no PORT / HOST. */
  startArgs(port: number): string[];
}

export const examples: Example[] = [
  { name: 'nextjs', serverRendered: true, startArgs: (port) => ['-p', String(port), '-H', '127.0.0.1'] },
  { name: 'react-router', serverRendered: true, startArgs: () => [] },
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

/** `npm pack` of the built package to examples/saiku-billing-react.tgz. */
export function packForExamples(): void {
  const packDir = mkdtempSync(join(tmpdir(), 'saiku-billing-pack-'));
  try {
    copyFileSync(packPackage(packDir), join(examplesDir, 'saiku-billing-react.tgz'));
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}

/** Files under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * `npm ci` then `npm run build` in the example's folder. npm takes a `file:` tarball from its cache
 * when the lockfile pins its `integrity` (an earlier build's), so the examples' lockfiles carry none,
 * and what was installed is checked against this build's dist/.
 */
export async function installAndBuild(example: Example): Promise<void> {
  const cwd = join(examplesDir, example.name);
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
  await run('npm', ['run', 'build'], cwd, 240_000);
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
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
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
