// The demo host app's Vite config: served by demo/server.mjs (npm start) with the proxy in front.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: { fs: { allow: [`${import.meta.dirname}/..`] } },
});
