// `npm run examples:lock`: writes each example's package-lock.json anew for the packed package (run
// `npm run build && npm run examples:pack` first), after a change of the package's own dependencies
// or of an example's package.json. The tarball's `integrity` is left out of each lockfile: with it,
// `npm ci` installs the tarball it cached the first time instead of the one just packed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../bench/packedFixture.mjs';
import { examplesTarball } from './pack-examples.mjs';

export const tarballDependency = 'file:../saiku-billing-react.tgz';

/** The folders under examples/ whose package.json installs the packed tarball. */
export function tarballExamples() {
  const examples = join(root, 'examples');
  return readdirSync(examples).filter((name) => {
    const manifest = join(examples, name, 'package.json');
    if (!existsSync(manifest)) return false;
    const { dependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
    return dependencies['@saiku/billing-react'] === tarballDependency;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(examplesTarball)) throw new Error('Run npm run build && npm run examples:pack first.');
  // A child npm must find its own folder, not the one `npm run` was started in.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
  for (const name of tarballExamples()) {
    const cwd = join(root, 'examples', name);
    const lockPath = join(cwd, 'package-lock.json');
    const entry = 'node_modules/@saiku/billing-react';
    // npm trusts the lockfile's entry for the tarball; without one it reads the tarball's package.json.
    const before = JSON.parse(readFileSync(lockPath, 'utf8'));
    before.packages = Object.fromEntries(Object.entries(before.packages).filter(([path]) => path !== entry));
    writeFileSync(lockPath, `${JSON.stringify(before, null, 2)}\n`);
    const npmArgs = ['install', '--package-lock-only', '--no-audit', '--no-fund'];
    execFileSync('npm', npmArgs, { cwd, env, stdio: 'inherit' });
    const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
    delete lock.packages[entry].integrity;
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`examples/${name}/package-lock.json written`);
  }
}
