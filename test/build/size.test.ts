// @vitest-environment node
// Budgets of the built package, checked on dist/ (npm test builds before it runs the tests).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureEntry } from '../../bench/size.mjs';

const root = resolve(import.meta.dirname, '../..');
const clientBudgetBytes = 8 * 1024;

function readDist(path: string): string {
  const file = resolve(root, 'dist', path);
  if (!existsSync(file))
    throw new Error(`dist/${path} is missing: run \`npm run build\` first (npm test does).`);
  return readFileSync(file, 'utf8');
}

/** Every bare import specifier of an entry, following its relative imports (the shared chunks). */
function bareImportsOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readDist(path);
    const specifiers = [
      ...code.matchAll(
        /(?:^|[\s;])(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/gm,
      ),
    ].map((match) => match[1] ?? match[2] ?? '');
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) visit(resolve('/', dirname(path), specifier).slice(1));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return bare;
}

describe('the built package', () => {
  it(`keeps the client entry within ${clientBudgetBytes} bytes gzip`, { timeout: 60_000 }, async () => {
    readDist('index.js');
    const { minified, gzip } = await measureEntry('dist/index.js');
    console.log(
      `client entry: ${minified} B minified, ${gzip} B gzip ` +
        `(${(gzip / 1024).toFixed(2)} KiB of ${clientBudgetBytes / 1024} KiB)`,
    );
    expect(gzip).toBeGreaterThan(0);
    expect(gzip).toBeLessThanOrEqual(clientBudgetBytes);
  });

  it("starts the client entry with the 'use client' directive", () => {
    expect(readDist('index.js')).toMatch(/^(['"])use client\1;?/);
  });

  it('imports nothing at run time but its peers (react, react-dom, @tanstack/react-query)', () => {
    const peers = /^(react|react-dom|@tanstack\/react-query)($|\/)/;
    const imports = [...bareImportsOf('index.js')];
    // The scan sees the peers it should, so an empty list below means something.
    expect(imports).toEqual(expect.arrayContaining(['react', '@tanstack/react-query']));
    expect(imports.filter((specifier) => !peers.test(specifier))).toEqual([]);
  });

  it.each(['core/index.js', 'server/index.js', 'mock/index.js', 'locales/index.js'])(
    '%s does not import React',
    (entry) => {
      const imports = [...bareImportsOf(entry)];
      expect(imports.filter((specifier) => /^(react|react-dom)($|\/)|^@tanstack\//.test(specifier))).toEqual(
        [],
      );
    },
  );
});
