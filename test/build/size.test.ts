// @vitest-environment node
// What a page pays for what it imports, measured as a host's bundler sees it: the packed package,
// installed into a temporary host app, and fixture pages bundled by bench/size.mjs (minified ESM, the
// peers external, gzip -9). npm test builds dist/ before it runs the tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackedHost } from '../../bench/packedFixture.mjs';
import {
  formatMatrix,
  measureFixture,
  type BundlerName,
  type FixtureId,
  type Measurement,
} from '../../bench/size.mjs';

const root = resolve(import.meta.dirname, '../..');

/**
 * gzip -9 bytes with esbuild, per page (bench/size.mjs names the pages): what the pages measure today
 * (3,972, 6,920 and 11,413 B), rounded up, so any growth fails here. Issue 13 asks for 3,500, 4,500 and
 * 9,000 B; the lifecycle events, the Portal return, tab sync (issue 12) and the one-subscription rule
 * (issue 11) arrived after it was measured, and the provider and the button carry them. Lower these as
 * the pages shrink; never raise them without a line in the README's changelog.
 */
const budgets: Partial<Record<FixtureId, number>> = {
  a: 4_000, // BillingProvider + useBillingState
  b: 7_000, // (a) + UpgradeButton
  e: 11_520, // every export of the client entry
};

/**
 * What only components bring: their default English strings (the labels, the table's labels) and
 * their class names. A hook-only page carries none of them; the page with every export carries all
 * of them, which shows the search can fail.
 */
const componentMarks = [
  'Upgrade',
  'Manage billing',
  'Update payment method',
  'Your plan',
  'Renews on',
  'Recommended',
  'Contact sales',
  'saiku-billing-button',
  'saiku-billing-plan-card',
  'saiku-billing-pricing',
  'saiku-billing-banner',
];

const bundlerNames: readonly BundlerName[] = ['esbuild', 'vite', 'webpack'];
let host: { dir: string; dispose(): void } | undefined;
const measured: Measurement[] = [];

function result(bundler: BundlerName, fixture: FixtureId): Measurement {
  const found = measured.find((m) => m.bundler === bundler && m.fixture === fixture);
  if (!found) throw new Error(`(${fixture}) was not bundled with ${bundler}`);
  return found;
}

beforeAll(async () => {
  host = createPackedHost();
  for (const fixture of ['a', 'b', 'c', 'd', 'e'] as const) {
    measured.push(await measureFixture('esbuild', fixture, host.dir));
  }
  for (const bundler of bundlerNames.filter((name) => name !== 'esbuild')) {
    for (const fixture of ['a', 'e'] as const)
      measured.push(await measureFixture(bundler, fixture, host.dir));
  }
  console.log(`Size of the packed package, per page:\n${formatMatrix(measured)}`);
}, 180_000);

afterAll(() => host?.dispose());

describe('what a page pays, bundled with esbuild from the packed package', () => {
  it.each(Object.entries(budgets))('keeps page (%s) within %i bytes gzip', (fixture, budget) => {
    const { minified, gzip } = result('esbuild', fixture as FixtureId);
    console.log(`(${fixture}) with esbuild: ${minified} B minified, ${gzip} B gzip (budget ${budget} B)`);
    expect(gzip).toBeGreaterThan(0);
    expect(gzip).toBeLessThanOrEqual(budget);
  });

  it.each(bundlerNames)('leaves no process.env.NODE_ENV in the pages bundled with %s', (bundler) => {
    for (const fixture of ['a', 'e'] as const)
      expect(result(bundler, fixture).code).not.toContain('process.env');
  });

  it.each(bundlerNames)(
    'carries every component string on the page with every export, with %s',
    (bundler) => {
      const code = result(bundler, 'e').code;
      expect(componentMarks.filter((mark) => !code.includes(mark))).toEqual([]);
    },
  );

  it.each(bundlerNames)(
    'ships no component code or string on the BillingProvider + useBillingState page, with %s',
    (bundler) => {
      const code = result(bundler, 'a').code;
      expect(componentMarks.filter((mark) => code.includes(mark))).toEqual([]);
    },
  );
});

function readDist(path: string): string {
  const file = resolve(root, 'dist', path);
  if (!existsSync(file))
    throw new Error(`dist/${path} is missing: run \`npm run build\` first (npm test does).`);
  return readFileSync(file, 'utf8');
}

/** Every bare import specifier of an entry, following its relative imports (one file per source file). */
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
