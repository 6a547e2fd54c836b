/** Development-only warnings: bundlers replace `process.env.NODE_ENV`; a browser without `process` is production. */
export const isDevelopment = typeof process !== 'undefined' && process.env?.NODE_ENV !== 'production';
