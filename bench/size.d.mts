// Types for size.mjs, so TypeScript tests can import it.
export type BundlerName = 'esbuild' | 'vite' | 'webpack';
export type FixtureId = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

/** One JavaScript file a bundler emitted for a page. */
export interface EmittedFile {
  /** Its path in the bundler's output. */
  name: string;
  /** On the first load: the entry chunk or a chunk it imports statically, transitively. */
  initial: boolean;
  minified: number;
  /** gzip -9 bytes of the file alone. */
  gzip: number;
}

export interface Measurement {
  bundler: BundlerName;
  fixture: FixtureId;
  /** Every JavaScript file the bundler emitted for the page, first-load files first. */
  files: EmittedFile[];
  /** The first load's files, joined. */
  code: string;
  /** The other files (behind a dynamic `import()`), joined; empty when there are none. */
  lazyCode: string;
  /** Sum of the first-load files' gzip -9 bytes, each file gzipped on its own. */
  firstLoad: number;
  /** Sum of the first-load files' minified bytes. */
  firstLoadMinified: number;
  /** Sum of the other files' gzip -9 bytes. */
  lazy: number;
  /** Sum of the other files' minified bytes. */
  lazyMinified: number;
  /** The same as `firstLoadMinified`. */
  minified: number;
  /** The same as `firstLoad`: what budgets count. */
  gzip: number;
}

/** The pages: each imports from '@saiku/billing-react' and exports what it imports. */
export const fixtures: Record<FixtureId, { title: string; source: string }>;
export const bundlers: Record<BundlerName, { title: string }>;

/**
 * Bundles one page with one bundler, code splitting on, in a host app made by `createPackedHost()`
 * (bench/packedFixture.mjs).
 */
export function measureFixture(
  bundler: BundlerName,
  fixture: FixtureId,
  dir: string,
  options?: { esbuildPlugins?: readonly unknown[] },
): Promise<Measurement>;

/** Every fixture with every bundler asked for; packs and installs a host app unless `dir` is given. */
export function measureMatrix(options?: {
  bundlers?: readonly BundlerName[];
  fixtures?: readonly FixtureId[];
  dir?: string;
}): Promise<Measurement[]>;

/** A text table: one row per fixture; per bundler, first-load minified / gzip bytes and lazy gzip bytes. */
export function formatMatrix(results: readonly Measurement[]): string;
