import type { NextConfig } from 'next';

// This folder is the app's root: without these, Next.js walks up to the repository's own lockfile.
const nextConfig: NextConfig = {
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default nextConfig;
