// Processes a test starts and stops: a redis-server of its own on a free 127.0.0.1 port, servers
// that print where they listen. Output is kept, so a test can wait for a line and show it on failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { closedPort } from './fakeSaiku';

const root = resolve(import.meta.dirname, '../..');
const redisServer = '/usr/bin/redis-server';
const startTimeoutMs = 30_000;

export interface Started {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves once its output matches `pattern` (bounded); with the match. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

export function start(command: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const heard = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', heard);
  child.stderr?.on('data', heard);
  child.on('exit', () => listeners.forEach((listener) => listener()));
  return {
    child,
    output: () => output,
    waitFor(pattern) {
      return new Promise((resolveMatch, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) return done(() => resolveMatch(match));
          if (child.exitCode !== null || child.signalCode !== null)
            done(() => reject(new Error(`${command} exited before printing ${pattern}:\n${output}`)));
        };
        const timer = setTimeout(
          () =>
            done(() => reject(new Error(`${command}: no ${pattern} in ${startTimeoutMs} ms:\n${output}`))),
          startTimeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A redis-server of its own on 127.0.0.1 and a free port, nothing saved to disk. */
export async function startRedis(): Promise<{ url: string; process: Started }> {
  if (!existsSync(redisServer)) throw new Error(`${redisServer} is missing: .ci/run installs redis-server.`);
  const port = await closedPort();
  const redis = start(
    redisServer,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {},
  );
  await redis.waitFor(/Ready to accept connections/);
  return { url: `redis://127.0.0.1:${port}`, process: redis };
}
