/**
 * The one rule for any URL the library sends a browser to or accepts as a return URL: `https:`, or
 * plain `http:` on a loopback host (local stand-ins), and no user name or password.
 */

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Why a URL breaks the rule (`insecure`: not https, nor http on loopback; `credentials`), or null. */
export function secureUrlProblem(url: URL): 'insecure' | 'credentials' | null {
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure) return 'insecure';
  if (url.username !== '' || url.password !== '') return 'credentials';
  return null;
}
