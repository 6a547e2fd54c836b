// What a host's bundler adds for `@saiku/billing-react`, page by page: the packed package is installed
// into a temporary host app (bench/packedFixture.mjs), and fixture pages that import from
// '@saiku/billing-react' are bundled with three bundlers a host uses, each minifying to ES modules with
// the peers (react, react-dom, @tanstack/react-query and their subpaths) external. Prints minified and
// gzip -9 bytes for each page and bundler. Run `npm run build` first.
// usage: node bench/size.mjs [--json] [esbuild|vite|webpack ...] [a|b|c|d|e ...]
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createPackedHost } from './packedFixture.mjs';

const require = createRequire(import.meta.url);
const peer = /^(react|react-dom|@tanstack\/react-query)($|\/)/;

/** The pages. Each exports what it imports, so no bundler may drop it. */
export const fixtures = {
  a: {
    title: 'BillingProvider + useBillingState',
    source: `import { BillingProvider, useBillingState } from '@saiku/billing-react';
export { BillingProvider, useBillingState };`,
  },
  b: {
    title: '(a) + UpgradeButton',
    source: `import { BillingProvider, UpgradeButton, useBillingState } from '@saiku/billing-react';
export { BillingProvider, UpgradeButton, useBillingState };`,
  },
  c: {
    title: 'BillingProvider + PlanCard',
    source: `import { BillingProvider, PlanCard } from '@saiku/billing-react';
export { BillingProvider, PlanCard };`,
  },
  d: {
    title: 'BillingProvider + PricingTable',
    source: `import { BillingProvider, PricingTable } from '@saiku/billing-react';
export { BillingProvider, PricingTable };`,
  },
  e: {
    title: 'every export of the client entry',
    source: `export * from '@saiku/billing-react';`,
  },
};

/** esbuild as a host runs it. With `platform: 'browser'` and `minify`, esbuild itself defines
 * `process.env.NODE_ENV` as "production" (checked: the bundles carry no `process.env`). */
async function esbuildBundle(entry, dir, plugins = []) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query'],
    write: false,
    logLevel: 'silent',
    plugins,
  });
  return result.outputFiles.filter((file) => !file.path.endsWith('.map')).map((file) => file.text);
}

/** Vite's production build (Rolldown), not library mode: an app page whose exports are kept. */
async function viteBundle(entry, dir) {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    envFile: false,
    logLevel: 'silent',
    root: dir,
    mode: 'production',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      reportCompressedSize: false,
      rolldownOptions: {
        input: join(dir, entry),
        // An app build drops the entry's exports (nothing imports a page); keep them, as a page keeps
        // what it renders.
        preserveEntrySignatures: 'strict',
        external: (id) => peer.test(id),
        output: { format: 'es' },
      },
    },
  });
  return (Array.isArray(result) ? result : [result])
    .flatMap((r) => r.output)
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code);
}

/** webpack 5 in production mode (its default Terser minification), emitting an ES module. */
async function webpackBundle(entry, dir) {
  const { default: webpack } = await import('webpack');
  const out = mkdtempSync(join(dir, 'webpack-out-'));
  try {
    const stats = await new Promise((resolvePromise, reject) => {
      webpack(
        {
          mode: 'production',
          context: dir,
          entry: `./${entry}`,
          devtool: false,
          performance: { hints: false },
          experiments: { outputModule: true },
          output: { path: out, filename: 'page.js', module: true, library: { type: 'module' } },
          externalsType: 'module',
          externals: ({ request }, callback) =>
            peer.test(request ?? '') ? callback(undefined, `module ${request}`) : callback(),
        },
        (error, result) => (error ? reject(error) : resolvePromise(result)),
      );
    });
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    return readdirSync(out)
      .filter((name) => name.endsWith('.js') || name.endsWith('.mjs'))
      .map((name) => readFileSync(join(out, name), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export const bundlers = {
  esbuild: { title: `esbuild ${require('esbuild/package.json').version}`, bundle: esbuildBundle },
  vite: {
    title: `Vite ${require('vite/package.json').version} (Rolldown)`,
    bundle: viteBundle,
  },
  webpack: { title: `webpack ${require('webpack/package.json').version}`, bundle: webpackBundle },
};

/**
 * Bundles fixture `fixture` with `bundler` in the host app at `dir` (from `createPackedHost()`).
 * `code` is every JavaScript file the bundler emitted, joined; the sizes are of that. `esbuildPlugins`
 * (esbuild only) are for bench/sizeFloor.mjs, which swaps files for stubs; a host's page has none.
 */
export async function measureFixture(bundler, fixture, dir, { esbuildPlugins } = {}) {
  const page = fixtures[fixture];
  const bundle = bundlers[bundler]?.bundle;
  if (!page || !bundle) throw new Error(`unknown fixture ${fixture} or bundler ${bundler}`);
  if (esbuildPlugins && bundler !== 'esbuild')
    throw new Error(`esbuildPlugins are for esbuild, not ${bundler}`);
  const entry = `page-${fixture}.js`;
  writeFileSync(join(dir, entry), `${page.source}\n`);
  const code = (await bundle(entry, dir, esbuildPlugins)).join('\n');
  return {
    bundler,
    fixture,
    code,
    minified: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
  };
}

/**
 * Packs the package once, installs it into a temporary host app, and measures every fixture with every
 * bundler asked for. Pass `dir` to reuse a host app (then it is not removed).
 */
export async function measureMatrix({
  bundlers: names = Object.keys(bundlers),
  fixtures: ids = Object.keys(fixtures),
  dir,
} = {}) {
  const host = dir ? { dir, dispose() {} } : createPackedHost();
  try {
    const results = [];
    for (const bundler of names) {
      for (const fixture of ids) results.push(await measureFixture(bundler, fixture, host.dir));
    }
    return results;
  } finally {
    host.dispose();
  }
}

const bytes = (n) => n.toLocaleString('en-US');

/** The results as a text table: one row per fixture, minified and gzip bytes per bundler. */
export function formatMatrix(results) {
  const names = [...new Set(results.map((r) => r.bundler))];
  const ids = [...new Set(results.map((r) => r.fixture))];
  const cell = (bundler, fixture) => {
    const r = results.find((x) => x.bundler === bundler && x.fixture === fixture);
    return r ? `${bytes(r.minified)} / ${bytes(r.gzip)}` : '';
  };
  const rows = [
    ['page', ...names.map((name) => bundlers[name].title)],
    ['', ...names.map(() => 'min / gzip -9 (B)')],
    ...ids.map((id) => [`(${id}) ${fixtures[id].title}`, ...names.map((name) => cell(name, id))]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows
    .map((row) => row.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))))
    .map((row) => row.join('  ').trimEnd())
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const askedBundlers = args.filter((arg) => arg in bundlers);
  const askedFixtures = args.filter((arg) => arg in fixtures);
  const started = performance.now();
  const results = await measureMatrix({
    bundlers: askedBundlers.length ? askedBundlers : undefined,
    fixtures: askedFixtures.length ? askedFixtures : undefined,
  });
  if (json) {
    console.log(JSON.stringify(results.map(({ code: _code, ...rest }) => rest)));
  } else {
    console.log(
      'Pages bundled from the packed @saiku/billing-react, peers external, minified ESM ' +
        `(node ${process.versions.node}):\n`,
    );
    console.log(formatMatrix(results));
    console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
