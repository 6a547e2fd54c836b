import type { BuildOptions } from 'esbuild';

/** How dist/standalone.js is built (esbuild). */
export const standaloneOptions: BuildOptions;
