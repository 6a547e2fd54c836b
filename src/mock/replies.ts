/** The simulator's HTTP replies (JSON, redirects, message pages) and its request-body readers. */
import { BillingError } from '../core/BillingError';
import { readBodyText } from '../core/readBody';
import { pageResponse, renderMessagePage } from './pages';

const maxBodyBytes = 64 * 1024;

export interface PageLink {
  href: string;
  label: string;
}

export function bearerKey(request: Request): string | null {
  const header = request.headers.get('Authorization');
  const match = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** The body as text, through the one reader in core (413 past 64 KiB, 400 when unreadable). */
export function readBody(request: Request): Promise<string> {
  return readBodyText(request, maxBodyBytes);
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readBody(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BillingError('invalid_request', 'The request body is not valid JSON.', { status: 400 });
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

export function jsonError(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json({ error, message }, status, headers);
}

/** 303 See Other to the host's URL as it gave it (percent-encoded only if a header cannot carry it). */
export function redirect(location: string): Response {
  const value = /^[\x21-\x7e]+$/.test(location) ? location : new URL(location).href;
  return new Response(null, {
    status: 303,
    headers: { Location: value, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
  });
}

export function originOf(url: string): string {
  return new URL(url).origin;
}

export function message(status: number, title: string, text: string, link?: PageLink): Promise<Response> {
  return pageResponse(renderMessagePage({ title, message: text, ...(link ? { link } : {}) }), {
    status,
    formOrigins: [],
  });
}

export function notFound(kind: 'checkout' | 'portal'): Promise<Response> {
  return message(
    404,
    `Unknown ${kind} session`,
    `This ${kind} link does not exist in this simulator (it may have been reset).`,
  );
}

export function methodNotAllowed(allowed: string): Promise<Response> {
  const html = renderMessagePage({ title: 'Method not allowed', message: `Use ${allowed} here.` });
  return pageResponse(html, { status: 405, formOrigins: [], headers: { Allow: allowed } });
}
