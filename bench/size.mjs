// What a host's bundler adds for `@saiku/billing-react`, page by page: the packed package is installed
// into a temporary host app (bench/packedFixture.mjs), and fixture pages that import from
// '@saiku/billing-react' are bundled with three bundlers a host uses, each minifying to ES modules with
// the peers (react, react-dom, @tanstack/react-query and their subpaths) external and code splitting on,
// as hosts' bundlers split by default. The first load is what a browser fetches before the user does
// anything: the entry chunk and every chunk it imports statically, transitively. Everything else the
// bundler emits (the chunks behind a dynamic `import()`, such as the return from Stripe) is lazy. Prints,
// for each page and bundler, the first load's minified and gzip -9 bytes and the lazy gzip -9 bytes; each
// file is gzipped on its own, as it is fetched on its own. Run `npm run build` first.
// usage: node bench/size.mjs [--json] [esbuild|vite|webpack ...] [a|b|c|d|e|f|g ...]
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
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
  f: {
    title: '(a) + BillingGate feature',
    source: `import { BillingGate, BillingProvider, useBillingState } from '@saiku/billing-react';
export { BillingGate, BillingProvider, useBillingState };`,
  },
  g: {
    title: '(f) + Paywall + usePaywall',
    source: `import { BillingGate, BillingProvider, Paywall, useBillingState, usePaywall } from '@saiku/billing-react';
export { BillingGate, BillingProvider, Paywall, useBillingState, usePaywall };`,
  },
  e: {
    title: 'every export of the client entry',
    source: `export * from '@saiku/billing-react';`,
  },
};

/**
 * The files reachable from `entries` through `staticImports` (file name -> the file names it imports
 * statically): what a browser fetches before anything runs a dynamic `import()`.
 */
function staticClosure(entries, staticImports) {
  const reached = new Set();
  const pending = [...entries];
  while (pending.length > 0) {
    const name = pending.pop();
    if (reached.has(name)) continue;
    reached.add(name);
    pending.push(...(staticImports.get(name) ?? []));
  }
  return reached;
}

/**
 * Each bundler below returns every JavaScript file it emitted for the page as `{ name, code, initial }`,
 * `initial` when the file is on the first load (the entry chunk or a chunk it imports statically).
 */

/** esbuild as a host runs it, splitting code. With `platform: 'browser'` and `minify`, esbuild itself
 * defines `process.env.NODE_ENV` as "production" (checked: the bundles carry no `process.env`). */
async function esbuildBundle(entry, dir, plugins = []) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    outdir: join(dir, 'esbuild-out'),
    metafile: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query'],
    write: false,
    logLevel: 'silent',
    plugins,
  });
  // The metafile names outputs relative to absWorkingDir; its `import-statement` imports are static.
  const outputs = Object.entries(result.metafile.outputs).filter(([name]) => !name.endsWith('.map'));
  const staticImports = new Map(
    outputs.map(([name, output]) => [
      name,
      output.imports.filter((i) => !i.external && i.kind === 'import-statement').map((i) => i.path),
    ]),
  );
  const entries = outputs.filter(([, output]) => output.entryPoint === entry).map(([name]) => name);
  const initial = staticClosure(entries, staticImports);
  return result.outputFiles
    .filter((file) => !file.path.endsWith('.map'))
    .map((file) => {
      const name = relative(dir, file.path).split(sep).join('/');
      return { name, code: file.text, initial: initial.has(name) };
    });
}

/** Vite's production build (Rolldown), not library mode: an app page whose exports are kept. Rolldown
 * splits at every dynamic `import()`; a chunk's `imports` are its static imports, `dynamicImports` not. */
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
  const chunks = (Array.isArray(result) ? result : [result])
    .flatMap((r) => r.output)
    .filter((o) => o.type === 'chunk');
  // `imports` also names the external peers; keep the chunks of this build.
  const names = new Set(chunks.map((chunk) => chunk.fileName));
  const staticImports = new Map(
    chunks.map((chunk) => [chunk.fileName, chunk.imports.filter((name) => names.has(name))]),
  );
  const initial = staticClosure(
    chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName),
    staticImports,
  );
  return chunks.map((chunk) => ({
    name: chunk.fileName,
    code: chunk.code,
    initial: initial.has(chunk.fileName),
  }));
}

/** webpack 5 in production mode (its default Terser minification and chunk splitting), emitting ES
 * modules. Its stats mark the chunks an entry needs at start as `initial`; the others load on demand. */
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
          output: {
            path: out,
            filename: 'page.js',
            chunkFilename: '[name].[contenthash:8].js',
            module: true,
            library: { type: 'module' },
          },
          externalsType: 'module',
          externals: ({ request }, callback) =>
            peer.test(request ?? '') ? callback(undefined, `module ${request}`) : callback(),
        },
        (error, result) => (error ? reject(error) : resolvePromise(result)),
      );
    });
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    const { chunks } = stats.toJson({ all: false, chunks: true });
    const initial = new Set(chunks.filter((chunk) => chunk.initial).flatMap((chunk) => chunk.files));
    return readdirSync(out)
      .filter((name) => name.endsWith('.js') || name.endsWith('.mjs'))
      .map((name) => ({ name, code: readFileSync(join(out, name), 'utf8'), initial: initial.has(name) }));
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

const gzipBytes = (code) => gzipSync(code, { level: 9 }).length;

/**
 * Bundles fixture `fixture` with `bundler` in the host app at `dir` (from `createPackedHost()`), code
 * splitting on. `files` lists every JavaScript file emitted, with its own minified and gzip -9 bytes and
 * whether it is on the first load. `code` is the first load's files joined, `lazyCode` the others'.
 * `firstLoad` / `lazy` are the sums of the files' gzip -9 bytes (each is fetched on its own),
 * `firstLoadMinified` / `lazyMinified` of their minified bytes; `gzip` and `minified` are the first load's
 * (what budgets count). `esbuildPlugins` (esbuild only) are for bench/sizeFloor.mjs, which swaps files
 * for stubs; a host's page has none.
 */
export async function measureFixture(bundler, fixture, dir, { esbuildPlugins } = {}) {
  const page = fixtures[fixture];
  const bundle = bundlers[bundler]?.bundle;
  if (!page || !bundle) throw new Error(`unknown fixture ${fixture} or bundler ${bundler}`);
  if (esbuildPlugins && bundler !== 'esbuild')
    throw new Error(`esbuildPlugins are for esbuild, not ${bundler}`);
  const entry = `page-${fixture}.js`;
  writeFileSync(join(dir, entry), `${page.source}\n`);
  const emitted = await bundle(entry, dir, esbuildPlugins);
  if (!emitted.some((file) => file.initial))
    throw new Error(`${bundler} emitted no first-load file for page (${fixture})`);
  const files = emitted
    .map(({ name, code, initial }) => ({
      name,
      initial,
      minified: Buffer.byteLength(code),
      gzip: gzipBytes(code),
    }))
    .sort((x, y) => Number(y.initial) - Number(x.initial) || x.name.localeCompare(y.name));
  const sum = (initial, key) => files.filter((f) => f.initial === initial).reduce((n, f) => n + f[key], 0);
  const joined = (initial) =>
    emitted
      .filter((file) => file.initial === initial)
      .map((file) => file.code)
      .join('\n');
  const firstLoad = sum(true, 'gzip');
  const firstLoadMinified = sum(true, 'minified');
  return {
    bundler,
    fixture,
    code: joined(true),
    lazyCode: joined(false),
    files,
    firstLoad,
    firstLoadMinified,
    lazy: sum(false, 'gzip'),
    lazyMinified: sum(false, 'minified'),
    minified: firstLoadMinified,
    gzip: firstLoad,
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

/**
 * The results as a text table: one row per fixture and, per bundler, two columns: the first load
 * (minified / gzip -9 bytes) and the lazy chunks (gzip -9 bytes).
 */
export function formatMatrix(results) {
  const names = [...new Set(results.map((r) => r.bundler))];
  const ids = [...new Set(results.map((r) => r.fixture))];
  const cells = (bundler, fixture) => {
    const r = results.find((x) => x.bundler === bundler && x.fixture === fixture);
    return r ? [`${bytes(r.firstLoadMinified)} / ${bytes(r.firstLoad)}`, bytes(r.lazy)] : ['', ''];
  };
  const rows = [
    ['page', ...names.flatMap((name) => [bundlers[name].title, ''])],
    ['', ...names.flatMap(() => ['first load min / gzip', 'lazy gzip'])],
    ...ids.map((id) => [`(${id}) ${fixtures[id].title}`, ...names.flatMap((name) => cells(name, id))]),
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
    console.log(JSON.stringify(results.map(({ code: _code, lazyCode: _lazyCode, ...rest }) => rest)));
  } else {
    console.log(
      'Pages bundled from the packed @saiku/billing-react, peers external, minified ESM, code splitting on\n' +
        `(node ${process.versions.node}). First load: the entry chunk and the chunks it imports statically;\n` +
        'lazy: the other chunks (behind a dynamic import()). Bytes; gzip -9 of each file on its own, summed.\n',
    );
    console.log(formatMatrix(results));
    console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
