// Lint: typescript-eslint's type-aware rules plus the rules of hooks.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'storybook-static',
      'node_modules',
      'coverage',
      '**/mockServiceWorker.js',
      'e2e/screenshots',
      'reports',
      '.stryker-tmp',
      // What `shadcn add` writes into the example: shadcn's code, in shadcn's style.
      'examples/shadcn-vite/src/components',
      // The example host apps' build output (their sources are linted like ours).
      'examples/*/.next',
      'examples/*/next-env.d.ts',
      'examples/*/.react-router',
      'examples/*/build',
      'examples/*/dist',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    // What ships runs where the README's "Where it runs" table says: nothing newer than Safari 15.4,
    // Chrome 100, Firefox 100, Node 20 and Next.js's edge runtime, unless guarded (core/anySignal.ts).
    files: ['src/**'],
    ignores: ['src/core/anySignal.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          [
            'AbortSignal',
            'any',
            'core/anySignal (Safari 17.4, Chrome 116, Firefox 124; not in Next.js edge)',
          ],
          ['AbortSignal', 'timeout', 'a cleared setTimeout (Safari 16, Chrome 103)'],
          ['Promise', 'withResolvers', 'new Promise (Safari 17.4, Chrome 119, Node 22)'],
          ['Object', 'groupBy', 'a loop (Safari 17.4, Chrome 117, Node 21)'],
          ['Map', 'groupBy', 'a loop (Safari 17.4, Chrome 117, Node 21)'],
          ['URL', 'canParse', 'new URL in try (Safari 17, Chrome 120)'],
          ['URL', 'parse', 'new URL in try (Safari 18, Chrome 126, Node 22)'],
          ['Array', 'fromAsync', 'a for await loop (Safari 16.4, Chrome 121, Node 22)'],
          ['Promise', 'try', 'an async function (Safari 18.2, Chrome 128, Node 23)'],
        ].map(([object, property, instead]) => ({ object, property, message: `Use ${instead}.` })),
        ...['toSorted', 'toReversed', 'toSpliced'].map((property) => ({
          property,
          message: 'Copy, then sort / reverse / splice (Safari 16, Chrome 110).',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='trailingZeroDisplay']",
          message: 'Chrome before 106 and Firefox before 116 ignore it: use minimumFractionDigits.',
        },
      ],
    },
  },
  {
    files: ['src/core/**', 'src/server/**', 'src/mock/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '@tanstack/*', '../react/*'],
              message: 'core, server and mock never import React.',
            },
          ],
        },
      ],
    },
  },
);
