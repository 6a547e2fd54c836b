/// <reference types="vitest/config" />
// Library build (ES modules for every entry of the exports map) and the test projects.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, chromiumPath } from './chromium.config';
import { shadowStylesVitePlugin } from './scripts/shadowStyles.mjs';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
// React 18 for the second run of the React tests (project 'react18'): a file: package, because npm
// will not nest a second react as the peer of an aliased react-dom.
const react18 = resolve(root, 'test/react18/node_modules');

/** dist/styles.css: src/styles.css with its `@import`s of src/styles/*.css inlined, one file for hosts. */
function copyStyles(): Plugin {
  return {
    name: 'saiku-copy-styles',
    apply: 'build',
    closeBundle() {
      const entry = resolve(root, 'src/styles.css');
      const css = readFileSync(entry, 'utf8').replace(/^@import '([^']+)';$/gm, (_line, path: string) =>
        readFileSync(resolve(dirname(entry), path), 'utf8').trimEnd(),
      );
      mkdirSync(resolve(root, 'dist'), { recursive: true });
      writeFileSync(resolve(root, 'dist/styles.css'), css);
    },
  };
}

export default defineConfig({
  plugins: [react(), copyStyles(), shadowStylesVitePlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        'core/index': resolve(root, 'src/core/index.ts'),
        'server/index': resolve(root, 'src/server/index.ts'),
        'mock/index': resolve(root, 'src/mock/index.ts'),
        'mock/msw/index': resolve(root, 'src/mock/msw/index.ts'),
        'locales/index': resolve(root, 'src/locales/index.ts'),
        'elements/index': resolve(root, 'src/elements/index.ts'),
      },
      formats: ['es'],
    },
    rollupOptions: {
      // lru-cache: /server's one runtime dependency (the access check's memory), installed beside us.
      external: [
        /^lru-cache($|\/)/,
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^@tanstack\//,
        /^msw($|\/)/,
        /^node:/,
      ],
      output: {
        // One published file per source file, as TanStack Query publishes: a host's bundler keeps only
        // the files a page imports, and prunes within them statement by statement.
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/core/**/*.test.ts',
            'test/server/**/*.test.ts',
            'test/mock/**/*.test.ts',
            'test/flow/**/*.test.ts',
          ],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: [
            'test/react/**/*.test.{ts,tsx}',
            'test/elements/**/*.test.{ts,tsx}',
            'test/build/**/*.test.ts',
          ],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
      {
        // The same React tests against React 18 (the peer range's lower major). Every import of react or
        // react-dom, ours and the libraries' that take React as a peer (inlined, so the alias reaches
        // them), goes to test/react18: one React instance, version 18.
        extends: true,
        resolve: {
          alias: [
            { find: /^react$/, replacement: `${react18}/react/index.js` },
            { find: /^react\/(.+)$/, replacement: `${react18}/react/$1` },
            { find: /^react-dom$/, replacement: `${react18}/react-dom/index.js` },
            { find: /^react-dom\/(.+)$/, replacement: `${react18}/react-dom/$1` },
            // Its ESM build, which vitest inlines (the CommonJS main would require the root's React 19).
            {
              find: /^@testing-library\/react$/,
              replacement: resolve(
                root,
                'node_modules/@testing-library/react/dist/@testing-library/react.esm.js',
              ),
            },
          ],
        },
        test: {
          name: 'react18',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}', 'test/react18/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup-dom.ts'],
          server: { deps: { inline: ['@testing-library/react', '@tanstack/react-query'] } },
        },
      },
      {
        // Every story in stories/ as a test in real Chromium: render, play function, then axe (.storybook/preview.tsx).
        extends: true,
        plugins: [storybookTest({ configDir: resolve(root, '.storybook') })],
        test: {
          name: 'storybook',
          // The 503 and network-error stories wait out the library's three retries (1 s + 2 s + 4 s).
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
