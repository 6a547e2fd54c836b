// Types for packedFixture.mjs, so TypeScript tests can import it.
export const root: string;
/** react, react-dom and @tanstack/react-query. */
export const peerPackages: readonly string[];
/** `npm pack` of the repo into `destination`; returns the tarball's path. */
export function packPackage(destination: string): string;
/** A new temporary host app with the tarball installed and `packages` linked from the repo's node_modules. */
export function installHostApp(
  tarball: string,
  packages: readonly string[],
  options?: { copy?: string },
): string;
/** Packs once and installs one host app with `packages` (the peers by default). */
export function createPackedHost(packages?: readonly string[]): { dir: string; dispose(): void };
