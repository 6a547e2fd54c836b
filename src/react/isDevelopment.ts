/** Whether development warnings run: bundlers replace `process.env.NODE_ENV`; a page without it stays silent. */
export const isDevelopment = typeof process !== 'undefined' && process.env?.NODE_ENV !== 'production';
