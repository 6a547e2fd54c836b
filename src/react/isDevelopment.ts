/**
 * Development-only warnings. Bare `process.env.NODE_ENV`, so bundlers replace it (TanStack Query does the
 * same): a `typeof process` guard kept every warning silent in a browser build.
 */
export const isDevelopment = process.env.NODE_ENV !== 'production';
