/** Checks on a request as a whole, made before the key is resolved or the body read. */
import { Refusal } from './replies';

/** The media type of `Content-Type`, lower-cased and without parameters; '' when absent. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

export function checkMediaType(
  request: Request,
  expected: 'application/json' | 'application/x-www-form-urlencoded',
): void {
  if (mediaType(request) !== expected) {
    throw new Refusal(415, 'unsupported_media_type', `This route takes a body of type ${expected}.`);
  }
}

/**
 * Refuses a POST another site made the browser send (a cross-site form, a fetch from another
 * origin): its `Origin` is not allowed, or the browser says `Sec-Fetch-Site: cross-site`.
 */
export function checkSameSite(request: Request, allowedOrigins: ReadonlySet<string>): void {
  const origin = request.headers.get('origin');
  if (origin !== null && !allowedOrigins.has(origin)) {
    throw new Refusal(403, 'forbidden', 'Cross-site request refused: the Origin is not allowed.');
  }
  if (request.headers.get('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') {
    throw new Refusal(403, 'forbidden', 'Cross-site request refused (Sec-Fetch-Site: cross-site).');
  }
}
