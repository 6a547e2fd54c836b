// The packed package installed as a host app installs it: `npm pack` of this repo, the tarball unpacked
// into a temporary app's node_modules/@saiku/billing-react, and the packages a host has beside it
// (the peers, msw, types) linked from this repo's node_modules. Shared by bench/size.mjs and the tests
// in test/build/, so all of them measure and run what `npm install @saiku/billing-react` gives.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

/** The peers a host installs beside us: all a bundle of the client entry leaves external. */
export const peerPackages = ['react', 'react-dom', '@tanstack/react-query'];

/** `npm pack` of the repo as it is (dist/ must be built) into `destination`; returns the tarball's path. */
export function packPackage(destination) {
  let output;
  try {
    output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`npm pack failed: ${error.stderr || error.message}`, { cause: error });
  }
  const [packed] = JSON.parse(output);
  return join(destination, packed.filename);
}

/**
 * A new temporary host app with `tarball` unpacked into its node_modules, and our dependencies and
 * `packages` linked from ours. `copy`, when given, is a folder whose files are copied into the app.
 * The caller removes it.
 */
export function installHostApp(tarball, packages, { copy } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'saiku-billing-consumer-'));
  const installed = join(dir, 'node_modules/@saiku/billing-react');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  // What npm installs with us: our own dependencies (lru-cache, for /server), beside the host's packages.
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const name of new Set([...Object.keys(dependencies), ...packages])) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  if (copy) cpSync(copy, dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'host-app', private: true, type: 'module' }),
  );
  return dir;
}

/** Packs once and installs one host app with `packages`; `dispose()` removes it. */
export function createPackedHost(packages = peerPackages) {
  const packDir = mkdtempSync(join(tmpdir(), 'saiku-billing-pack-'));
  try {
    const dir = installHostApp(packPackage(packDir), packages);
    return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}
