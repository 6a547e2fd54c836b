// @vitest-environment node
// README's "Where it runs" holds for syntax as well as APIs: asked to target the oldest browsers it lists
// (Safari 15.4, Chrome 100, Firefox 100), esbuild has nothing to rewrite in what browsers load. (The server
// entry runs on Node 20 in test/server/runtimes.test.ts; esbuild would rewrite its /\p{ASCII}/u as a
// RegExp call for node20, to be safe about Unicode property names, though Node 20 knows that one.)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The entry bundled (peers external, unminified) for `target`. */
async function bundle(entry: string, target: string[]): Promise<string> {
  const path = resolve(root, 'dist', entry);
  if (!existsSync(path))
    throw new Error(`dist/${entry} is missing: run \`npm run build\` first (npm test does).`);
  const { outputFiles } = await build({
    entryPoints: [path],
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
    external: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query', 'node:*'],
    target,
  });
  return outputFiles[0]?.text ?? '';
}

it.each([
  ['index.js', ['safari15.4', 'chrome100', 'firefox100']],
  ['core/index.js', ['safari15.4', 'chrome100', 'firefox100', 'node20']],
])('dist/%s needs no syntax newer than %j', async (entry, target) => {
  expect(await bundle(entry, target)).toBe(await bundle(entry, ['esnext']));
});
