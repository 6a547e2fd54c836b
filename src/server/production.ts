/** What the proxy does differently when the host runs with `NODE_ENV=production`. */

/**
 * `process.env.NODE_ENV === 'production'`, read where there may be no `process` (Workers, Deno
 * without Node compatibility) or where reading the environment throws (Deno without `--allow-env`).
 */
export function isProduction(): boolean {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.NODE_ENV === 'production';
  } catch {
    return false;
  }
}

/** Said once per `createBillingProxy` in production when `allowedOrigins` is left to the default. */
export const defaultOriginsWarning =
  "@saiku/billing-react/server: allowedOrigins is not set, so each request's own Host header (or " +
  'X-Forwarded-Host with trustProxy) decides which origins may POST and which return URLs are accepted. ' +
  "Set allowedOrigins: ['https://your.app'] in production. Loopback return URLs are refused meanwhile.";
