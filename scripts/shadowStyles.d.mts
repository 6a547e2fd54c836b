import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

/** The custom elements' stylesheet, made from the default theme. */
export function shadowStyles(): string;
export const shadowStylesId: 'virtual:saiku-billing-shadow-styles';
export function shadowStylesVitePlugin(): VitePlugin;
export const shadowStylesEsbuildPlugin: EsbuildPlugin;
