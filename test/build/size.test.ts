// @vitest-environment node
// What a page pays for what it imports, measured as a host's bundler sees it: the packed package,
// installed into a temporary host app, and fixture pages bundled by bench/size.mjs (minified ESM, the
// peers external, code splitting on, gzip -9 of each file). What counts is the first load: the entry
// chunk and what it imports statically; the return from Stripe is a lazy chunk, loaded only on a page
// with a return marker. npm test builds dist/ before it runs the tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
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
 * First-load gzip -9 bytes with esbuild, per page (bench/size.mjs names the pages): what the pages
 * measure today (3,856, 6,361, 12,864, 4,517 and 9,833 B), rounded up to the next 64 B, so any growth
 * fails here. (a) and (b) grew by the provider's one no-JavaScript form (issue 27 item 3); page (a) did
 * not grow with the paywall: its minified bytes are the same with it and without.
 * Issue 26 asks for (a) 3,500 and (b) 5,800 B; the return from Stripe and the code that mints a session
 * are already lazy, and what is left is needed on first paint (see the README's figures). Lower these
 * as the pages shrink; never raise them without a line in the README's changelog.
 */
const budgets: Partial<Record<FixtureId, number>> = {
  a: 3_904, // BillingProvider + useBillingState (issue 26's target: 3,500)
  b: 6_400, // (a) + UpgradeButton (issue 26's target: 5,800)
  e: 12_928, // every export of the client entry (10,698 before useAccess, the paywall and BillingSettings)
  f: 4_544, // (a) + BillingGate feature (4,517)
  g: 9_856, // (f) + Paywall + usePaywall (9,833: the dialog lists its plans with <PricingTable>)
};

/**
 * Strings of the return from Stripe (src/core/flow/comeBack.ts, the confirmation's and the
 * reconciliation's polling and reports) that no other built file has: event types, which survive
 * minification as they are. The test below checks that only dist/core/flow/comeBack.js holds them.
 */
const returnMarks = ['checkout_unconfirmed', 'portal_returned'];

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
  'saiku-billing-paywall',
  'Upgrade to unlock this',
];

/** What only the paywall brings: its class, its English title, and its events. */
const paywallMarks = ['saiku-billing-paywall', 'Upgrade to unlock this', 'paywall_opened', 'paywall_closed'];

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
  for (const fixture of ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const) {
    measured.push(await measureFixture('esbuild', fixture, host.dir));
  }
  for (const bundler of bundlerNames.filter((name) => name !== 'esbuild')) {
    for (const fixture of ['a', 'e'] as const)
      measured.push(await measureFixture(bundler, fixture, host.dir));
  }
  console.log(`Size of the packed package, per page:\n${formatMatrix(measured)}`);
}, 180_000);

afterAll(() => host?.dispose());

describe('what a page pays on first load, bundled with esbuild from the packed package', () => {
  it.each(Object.entries(budgets))(
    'keeps page (%s) within %i bytes gzip on first load',
    (fixture, budget) => {
      const { firstLoadMinified, firstLoad, lazy } = result('esbuild', fixture as FixtureId);
      console.log(
        `(${fixture}) with esbuild: first load ${firstLoadMinified} B minified, ${firstLoad} B gzip ` +
          `(budget ${budget} B); lazy ${lazy} B gzip`,
      );
      expect(firstLoad).toBeGreaterThan(0);
      expect(firstLoad).toBeLessThanOrEqual(budget);
    },
  );

  it.each(bundlerNames)('leaves no process.env.NODE_ENV in the pages bundled with %s', (bundler) => {
    for (const fixture of ['a', 'e'] as const) {
      const { code, lazyCode } = result(bundler, fixture);
      expect(code).not.toContain('process.env');
      expect(lazyCode).not.toContain('process.env');
    }
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

describe('the paywall, only on pages that import it', () => {
  it('is on the page with Paywall and usePaywall, so the search below can fail', () => {
    const code = result('esbuild', 'g').code;
    expect(paywallMarks.filter((mark) => !code.includes(mark))).toEqual([]);
  });

  it.each(['a', 'b', 'f'] as const)(
    'is nowhere on page (%s), first load or lazy, with esbuild',
    (fixture) => {
      const { code, lazyCode } = result('esbuild', fixture);
      expect(paywallMarks.filter((mark) => code.includes(mark) || lazyCode.includes(mark))).toEqual([]);
    },
  );
});

describe('the return from Stripe, split off the first load', () => {
  it('has strings only src/core/flow/comeBack.ts brings, to look for in the bundles', () => {
    const holders = distFiles().filter((path) => returnMarks.some((mark) => readDist(path).includes(mark)));
    expect(holders).toEqual(['core/flow/comeBack.js']);
    const comeBack = readDist('core/flow/comeBack.js');
    expect(returnMarks.filter((mark) => !comeBack.includes(mark))).toEqual([]);
  });

  it.each(bundlerNames)(
    'is a lazy chunk on the BillingProvider + useBillingState page, not on its first load, with %s',
    (bundler) => {
      const { code, lazy, lazyCode, files } = result(bundler, 'a');
      // A regression that imports comeBack statically puts these on the first load and leaves no lazy chunk.
      expect(files.filter((file) => !file.initial).length).toBeGreaterThan(0);
      expect(lazy).toBeGreaterThan(0);
      expect(returnMarks.filter((mark) => !lazyCode.includes(mark))).toEqual([]);
      expect(returnMarks.filter((mark) => code.includes(mark))).toEqual([]);
    },
  );
});

/**
 * Every JavaScript file under dist/ that a host's bundler picks from, as a path relative to it: not
 * standalone.js, the one-file build that holds everything (test/build/standalone.test.ts).
 */
function distFiles(): string[] {
  readDist('index.js');
  return readdirSync(resolve(root, 'dist'), { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => path.endsWith('.js') && path !== 'standalone.js');
}

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
