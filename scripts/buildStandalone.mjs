// dist/standalone.js: the custom elements in one ES module with its renderer inside. Preact's
// compatibility layer stands in for react and react-dom (the whole client runs on it, TanStack Query
// included), so a page needs no React. Same input, same bytes: test/build/standalone.test.ts pins its size.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { shadowStylesEsbuildPlugin } from './shadowStyles.mjs';

const root = resolve(import.meta.dirname, '..');

export const standaloneOptions = {
  entryPoints: [resolve(root, 'src/elements/standalone.ts')],
  outfile: resolve(root, 'dist/standalone.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  // The README's oldest browsers (Safari 15.4, Chrome 100, Firefox 100).
  target: ['es2022', 'safari15.4', 'chrome100', 'firefox100'],
  minify: true,
  legalComments: 'eof',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: {
    react: 'preact/compat',
    'react-dom': 'preact/compat',
    'react-dom/client': 'preact/compat/client',
    'react/jsx-runtime': 'preact/compat/jsx-runtime',
  },
  jsx: 'automatic',
  plugins: [shadowStylesEsbuildPlugin],
  logLevel: 'warning',
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await build(standaloneOptions);
}
