// Types for size.mjs, so TypeScript tests can import it.
/** Bundles a built entry as a host's bundler would (minified, peers external) and measures it. */
export function measureEntry(entry?: string): Promise<{ minified: number; gzip: number }>;
