// How much of pages (a) and (b) each required behaviour costs on first load, and what is left without them:
// the pages of bench/size.mjs bundled with esbuild from the packed package (code splitting on; the first
// load is the entry chunk and its static imports, as the budgets count it), once as published and once
// per behaviour with the files that carry it swapped for stubs that do nothing. A measurement of where the
// bytes go (for issue 26's 3,500 / 5,800 B targets), not a build anyone ships: each stub breaks what its
// row names. A behaviour whose files are no longer in dist/ is listed as such, not measured.
// usage: node bench/sizeFloor.mjs (run `npm run build` first)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createPackedHost } from './packedFixture.mjs';
import { fixtures, measureFixture } from './size.mjs';

/** Each behaviour, the issue or contract that asks for it, and its files (under dist/) as stubs. */
const behaviours = {
  'return, tabs, events': {
    why: 'issue 12: Checkout/Portal return confirmation, syncTabs, onEvent (provider props in DESIGN.md)',
    stubs: {
      'react/useReturnFromStripe.js': `export function useReturnFromStripe() { return 'idle'; }`,
      'react/useStateFeed.js': `export function useStateFeed() {}`,
      'react/useEmitter.js': `export function useEmitter() { return () => {}; }`,
    },
  },
  asChild: {
    why: "DESIGN.md: `<UpgradeButton asChild>` uses the host's own element",
    stubs: { 'react/Slot.js': `export const Slot = 'span';` },
  },
  'error text': {
    why: 'DESIGN.md: the error announced in a live region, a clear sentence per error code',
    stubs: { 'labels/errorMessage.js': `export function errorMessage(error) { return error.message; }` },
  },
  'redirect check': {
    why: 'allowedRedirectHosts, https only: never navigate anywhere unsafe',
    stubs: {
      'core/redirect.js':
        `export const defaultAllowedRedirectHosts = [];\n` +
        `export function assertSafeRedirect(url) { return new URL(url); }`,
    },
  },
  'no-JS forms': {
    why: 'the buttons post to the proxy before hydration',
    stubs: { 'react/fallbackForms.js': `export const checkoutForm = () => null, portalForm = () => null;` },
  },
};

const published = /\/node_modules\/@saiku\/billing-react\/dist\/(.+)$/;

/** Page `fixture`'s first load (gzip -9 bytes) as bench/size.mjs measures it with esbuild, with the files
 * in `stubs` swapped. */
async function gzipBytes(dir, fixture, stubs) {
  const stubPlugin = {
    name: 'stub-behaviours',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, ({ path }) => {
        const file = published.exec(path)?.[1];
        return file !== undefined && file in stubs ? { contents: stubs[file], loader: 'js' } : undefined;
      });
    },
  };
  return (await measureFixture('esbuild', fixture, dir, { esbuildPlugins: [stubPlugin] })).gzip;
}

const host = createPackedHost();
try {
  const dist = join(host.dir, 'node_modules/@saiku/billing-react/dist');
  const missing = Object.fromEntries(
    Object.entries(behaviours).map(([name, { stubs }]) => [
      name,
      Object.keys(stubs).filter((file) => !existsSync(join(dist, file))),
    ]),
  );
  const all = Object.assign({}, ...Object.values(behaviours).map((b) => b.stubs));
  const rows = [];
  for (const fixture of ['a', 'b']) {
    const whole = await gzipBytes(host.dir, fixture, {});
    rows.push([`(${fixture}) ${fixtures[fixture].title}`, 'as published', whole, '']);
    for (const [name, { why, stubs }] of Object.entries(behaviours)) {
      if (missing[name].length > 0) continue;
      const without = await gzipBytes(host.dir, fixture, stubs);
      if (without !== whole) rows.push(['', `without ${name}`, without, why]);
    }
    rows.push(['', 'without all of these', await gzipBytes(host.dir, fixture, all), '']);
  }
  console.log(
    'esbuild, packed package, peers external, code splitting on; first load, gzip -9 bytes; ' +
      'stubs as listed in bench/sizeFloor.mjs\n',
  );
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => String(row[i]).length)));
  for (const [page, variant, bytes, why] of rows) {
    const figure = bytes.toLocaleString('en-US').padStart(widths[2]);
    console.log(`${page.padEnd(widths[0])}  ${variant.padEnd(widths[1])}  ${figure}  ${why}`.trimEnd());
  }
  for (const [name, files] of Object.entries(missing)) {
    if (files.length > 0)
      console.log(`\nnot measured: ${name}: no ${files.map((file) => `dist/${file}`).join(', ')} any more`);
  }
} finally {
  host.dispose();
}
