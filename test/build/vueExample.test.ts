// @vitest-environment node
// examples/vue builds: Vue compiles the saiku-* tags as custom elements (not unknown components), binds
// the objects as properties and listens for the elements' event, and the page bundles the standalone
// file, no React. npm test builds dist/ first (the example imports dist/standalone.js).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'saiku-vue-example-'));
let code = '';

beforeAll(async () => {
  if (!existsSync(resolve(root, 'dist/standalone.js')))
    throw new Error('dist/standalone.js is missing: run `npm run build` first.');
  await build({
    configFile: resolve(root, 'examples/vue/vite.config.ts'),
    build: { outDir, emptyOutDir: true, minify: false },
  });
  const assets = join(outDir, 'assets');
  code = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(assets, file), 'utf8'))
    .join('\n');
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it('renders <saiku-billing-settings> as a custom element, with its properties and its event', () => {
  // A tag Vue took for a component would be resolved by name (resolveComponent) and warn at run time.
  expect(code).not.toMatch(/resolveComponent\(["']saiku-/);
  // Development and production builds name the setup's bindings differently (`$setup.plans` or `plans`).
  const element =
    /create(?:Base|Element)VNode\(\s*"saiku-billing-settings", \{([^}]*)\}/.exec(code)?.[1] ?? '';
  expect(element).toMatch(/^\s*plans: (\$setup\.)?plans,\s*checkout: (\$setup\.)?checkout,/);
  expect(element).toMatch(/"upgrade-tier": "team",\s*onSaikuBillingEvent: (\$setup\.)?onBillingEvent\s*$/);
});

it('bundles the standalone elements and no React', () => {
  expect(code).toContain('customElements.define');
  expect(code).not.toContain('react.dev/errors');
});
