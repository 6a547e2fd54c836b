// Types for size.mjs, so TypeScript tests can import it.
export type BundlerName = 'esbuild' | 'vite' | 'webpack';
export type FixtureId = 'a' | 'b' | 'c' | 'd' | 'e';

export interface Measurement {
  bundler: BundlerName;
  fixture: FixtureId;
  /** Every JavaScript file the bundler emitted for the page, joined. */
  code: string;
  minified: number;
  /** gzip -9 bytes of `code`. */
  gzip: number;
}

/** The pages: each imports from '@saiku/billing-react' and exports what it imports. */
export const fixtures: Record<FixtureId, { title: string; source: string }>;
export const bundlers: Record<BundlerName, { title: string }>;

/** Bundles one page with one bundler in a host app made by `createPackedHost()` (bench/packedFixture.mjs). */
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

/** A text table: one row per fixture, minified and gzip bytes per bundler. */
export function formatMatrix(results: readonly Measurement[]): string;
