/** Adapts a fetch-standard handler (the billing proxy) to Node's `http`, Express and Connect. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { defaultProxyBasePath } from '../core/createProxyBackend';

export interface NodeHandlerOptions {
  /**
   * Requests outside this path go to `next()` (Express, Connect) or get a 404.
   * @default the handler's own `basePath` property (a `createBillingProxy` handler has one), else '/api/billing'
   */
  basePath?: string;
  /**
   * Build the request URL from `X-Forwarded-Proto` / `X-Forwarded-Host`. Only behind a reverse proxy
   * you run that sets them: anyone can send them otherwise.
   * @default false (the `Host` header, and `https` only when the socket is TLS)
   */
  trustProxy?: boolean;
}

/** Express's and Connect's `next`. */
export type NodeNext = (error?: unknown) => void;

/** Any fetch-standard handler; one that names its `basePath` (as the billing proxy does) needs no option. */
type FetchHandler = ((request: Request) => Response | Promise<Response>) & { readonly basePath?: unknown };

const hostPattern = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Wraps a fetch-standard handler as `(req, res, next?) => void`: streams the request body in,
 * writes the response out, and leaves paths outside `basePath` to `next` (or answers 404). The
 * `Request`'s `signal` aborts when the client closes the connection before the answer is sent.
 * @example http.createServer(toNodeHandler(createBillingProxy({ apiKey }))).listen(3000)
 * @example app.use(toNodeHandler(createBillingProxy({ apiKey })))
 */
export function toNodeHandler(
  handler: FetchHandler,
  options: NodeHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse, next?: NodeNext) => void {
  const own = handler.basePath;
  const basePath = (options.basePath ?? (typeof own === 'string' ? own : defaultProxyBasePath)).replace(
    /\/+$/,
    '',
  );
  const trustProxy = options.trustProxy ?? false;
  return (req, res, next) => {
    void serve(handler, req, res, next, basePath, trustProxy);
  };
}

async function serve(
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  next: NodeNext | undefined,
  basePath: string,
  trustProxy: boolean,
): Promise<void> {
  // Express strips a mount path from `req.url`; `originalUrl` keeps the path the browser asked for.
  const path = (req as { originalUrl?: unknown }).originalUrl ?? req.url ?? '/';
  const url = typeof path === 'string' && path.startsWith('/') ? requestUrl(req, path, trustProxy) : null;
  if (url === null || !(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))) {
    if (url === null && typeof path === 'string' && path.startsWith('/')) {
      writeError(res, 400, 'invalid_request', 'The Host header is not valid.');
      return;
    }
    if (next) next();
    else writeError(res, 404, 'not_found', 'Not found.');
    return;
  }

  // The Request's signal aborts when the connection closes before the answer is out (the browser
  // has left), so the handler can skip or abort work nobody will read.
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished)
      gone.abort(new DOMException('The client closed the connection.', 'AbortError'));
  });
  let request: Request;
  try {
    request = new Request(url, {
      method: req.method ?? 'GET',
      headers: headersOf(req),
      signal: gone.signal,
      ...bodyOf(req),
    });
  } catch {
    writeError(res, 400, 'invalid_request', 'The request could not be read.');
    return;
  }

  let response: Response;
  try {
    response = await handler(request);
  } catch (error) {
    if (next) next(error);
    else writeError(res, 500, 'internal', 'The server failed.');
    return;
  }
  await writeResponse(req, res, response);
}

function requestUrl(req: IncomingMessage, path: string, trustProxy: boolean): URL | null {
  const forwardedProto = trustProxy ? firstValue(req.headers['x-forwarded-proto'])?.toLowerCase() : undefined;
  const forwardedHost = trustProxy ? firstValue(req.headers['x-forwarded-host']) : undefined;
  const tls = (req.socket as Partial<TLSSocket>).encrypted === true;
  const protocol =
    forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : tls ? 'https' : 'http';
  const host = forwardedHost ?? req.headers.host ?? 'localhost';
  if (!hostPattern.test(host)) return null;
  try {
    return new URL(`${protocol}://${host}${path}`);
  } catch {
    return null;
  }
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',', 1)[0]?.trim() || undefined;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    // HTTP/2 pseudo-headers (":path") are not headers a Request may carry.
    if (name === undefined || value === undefined || name.startsWith(':')) continue;
    headers.append(name, value);
  }
  return headers;
}

function bodyOf(req: IncomingMessage): { body?: BodyInit; duplex?: 'half' } {
  if (req.method === 'GET' || req.method === 'HEAD') return {};
  // A body parser that ran first (express.json(), express.urlencoded()) has drained the stream: rebuild the body.
  const parsed = (req as { body?: unknown }).body;
  if (req.readableEnded && parsed !== undefined) return { body: reserialize(req, parsed) };
  return { body: streamOf(req), duplex: 'half' };
}

function reserialize(req: IncomingMessage, parsed: unknown): string {
  if (typeof parsed === 'string') return parsed;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded') && typeof parsed === 'object' && parsed !== null) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(parsed)) {
      for (const item of Array.isArray(value) ? value : [value])
        form.append(name, typeof item === 'string' ? item : JSON.stringify(item));
    }
    return form.toString();
  }
  if (Buffer.isBuffer(parsed)) return parsed.toString('utf8');
  return JSON.stringify(parsed) ?? '';
}

/** The request body as a web stream that reads from the socket only as fast as the handler pulls. */
function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      req.on('error', (error) => {
        if (settled) return;
        settled = true;
        controller.error(error);
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      // The handler has heard enough (a body over the limit): nothing more is buffered; Node
      // discards the rest of the upload as it arrives, and the answer closes the connection.
      settled = true;
      req.resume();
    },
  });
}

async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  // Answered before the body arrived (413, 403, …): do not keep a connection whose request is half read.
  if (!req.complete && hasBody(req)) res.setHeader('connection', 'close');

  if (response.body === null) {
    res.end();
    return;
  }
  // A body of known length (every answer of the proxy) goes out with the headers in one write;
  // anything else (a stream of events) is written as it comes.
  if (response.headers.has('content-length')) {
    try {
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch {
      res.destroy();
    }
    return;
  }
  const reader = response.body.getReader();
  const closed = new Promise<void>((resolve) => res.once('close', resolve));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value))
        await Promise.race([new Promise((resolve) => res.once('drain', resolve)), closed]);
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
    }
    res.end();
  } catch {
    res.destroy();
  }
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function writeError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error: code, message }));
}
