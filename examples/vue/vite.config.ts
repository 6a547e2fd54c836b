// The Vue example: Vue's compiler is told the saiku-* tags are custom elements, not Vue components.
// test/build/vueExample.test.ts builds it; `npx vite --config examples/vue/vite.config.ts` serves it
// (the proxy at /api/billing is yours to run beside it, e.g. examples/plain-html/server.mjs).
import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('saiku-') } } })],
  // In a host app this is the installed package; here, the repository's own build.
  resolve: {
    alias: { '@saiku/billing-react/standalone': resolve(import.meta.dirname, '../../dist/standalone.js') },
  },
  logLevel: 'warn',
});
