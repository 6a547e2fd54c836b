/** Checks on a request as a whole, made before the key is resolved or the body read. */
import { fail, type Reply } from './replies';

/** The media type of `Content-Type`, lower-cased and without parameters; '' when absent. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/** 415 unless the body is of the `expected` type (JSON in UTF-8 only); null when it is. */
export function checkMediaType(
  request: Request,
  expected: 'application/json' | 'application/x-www-form-urlencoded',
): Reply | null {
  if (mediaType(request) !== expected) {
    return fail(415, 'unsupported_media_type', `This route takes a body of type ${expected}.`);
  }
  // JSON is UTF-8 (RFC 8259): a body that declares another charset (utf-7, latin1) is refused, not guessed at.
  if (expected === 'application/json' && !isUtf8OrAbsent(charsetOf(request))) {
    return fail(415, 'unsupported_media_type', 'This route takes application/json in UTF-8 only.');
  }
  return null;
}

/** The `charset` parameter of `Content-Type`, unquoted; null when there is none. */
function charsetOf(request: Request): string | null {
  const parameters = (request.headers.get('content-type') ?? '').split(';').slice(1);
  let charset: string | null = null;
  for (const parameter of parameters) {
    const at = parameter.indexOf('=');
    if (at === -1 || parameter.slice(0, at).trim().toLowerCase() !== 'charset') continue;
    // A second charset is as good as a wrong one.
    if (charset !== null) return '';
    charset = parameter
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return charset;
}

function isUtf8OrAbsent(charset: string | null): boolean {
  return charset === null || charset.toLowerCase() === 'utf-8';
}

/**
 * 403 for a POST another site made the browser send (a cross-site form, a fetch from another
 * origin): its `Origin` is not allowed, or the browser says `Sec-Fetch-Site: cross-site`; else null.
 */
export function checkSameSite(request: Request, allowedOrigins: ReadonlySet<string>): Reply | null {
  const origin = request.headers.get('origin');
  if (origin !== null && !allowedOrigins.has(origin)) {
    return fail(403, 'forbidden', 'Cross-site request refused: the Origin is not allowed.');
  }
  if (request.headers.get('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') {
    return fail(403, 'forbidden', 'Cross-site request refused (Sec-Fetch-Site: cross-site).');
  }
  return null;
}
