/**
 * The one reader of a request body, for the proxy and the simulator: UTF-8 text, refused (413) as
 * soon as it passes the caller's limit rather than after buffering it all, and (408) when it has not
 * all arrived within the caller's time limit.
 */
import { BillingError } from './BillingError';

/** A body over `maxBytes`: `BillingError('invalid_request')` with status 413. */
function tooLarge(maxBytes: number): BillingError {
  return new BillingError('invalid_request', `The request body is larger than ${maxBytes} bytes.`, {
    status: 413,
  });
}

/** A body still arriving after `timeoutMs`: `BillingError('timeout')` with status 408. */
function tooSlow(timeoutMs: number): BillingError {
  return new BillingError('timeout', `The request body did not arrive within ${timeoutMs} ms.`, {
    status: 408,
  });
}

const unreadable = (message: string) => new BillingError('invalid_request', message, { status: 400 });

/** Throws the 413 from `Content-Length` alone, before a byte of the body is read. */
export function checkDeclaredLength(request: Request, maxBytes: number): void {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes)
    throw tooLarge(maxBytes);
}

export interface ReadBodyOptions {
  /** Give up (408) when the whole body has not arrived this many milliseconds after reading starts. */
  timeoutMs?: number;
}

/**
 * The body as text. Rejects with `BillingError('invalid_request')`: status 413 past `maxBytes`
 * (declared or streamed; the rest is never read), 400 when it cannot be read or is not UTF-8; and
 * with `BillingError('timeout')`, status 408, when it is still arriving after `timeoutMs`.
 */
export async function readBodyText(
  request: Request,
  maxBytes: number,
  options: ReadBodyOptions = {},
): Promise<string> {
  checkDeclaredLength(request, maxBytes);
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const deadline = startDeadline(options.timeoutMs);
  try {
    return decode(await readChunks(reader, maxBytes, deadline.expired));
  } finally {
    deadline.clear();
  }
}

/** One timer for the whole body (not per chunk: a byte a second would keep resetting it). */
function startDeadline(timeoutMs: number | undefined): { expired: Promise<never> | null; clear(): void } {
  if (timeoutMs === undefined) return { expired: null, clear() {} };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooSlow(timeoutMs)), timeoutMs);
  });
  expired.catch(() => undefined);
  return { expired, clear: () => clearTimeout(timer) };
}

async function readChunks(
  reader: ReadableStreamDefaultReader<unknown>,
  maxBytes: number,
  expired: Promise<never> | null,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let result: ReadableStreamReadResult<unknown>;
    try {
      result = await (expired === null ? reader.read() : Promise.race([reader.read(), expired]));
    } catch (caught) {
      if (caught instanceof BillingError) {
        // Out of time: stop reading; the rest of a slow upload is never waited for.
        void reader.cancel().catch(() => undefined);
        throw caught;
      }
      throw unreadable('The request body could not be read.');
    }
    if (result.done) break;
    const view = result.value;
    // ArrayBuffer.isView, not instanceof Uint8Array: the chunks may come from another realm (jsdom tests).
    if (!ArrayBuffer.isView(view)) {
      void reader.cancel().catch(() => undefined);
      throw unreadable('The request body could not be read.');
    }
    const chunk = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    size += chunk.byteLength;
    if (size > maxBytes) {
      // Stop here: the rest is never read, let alone buffered.
      void reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return concat(chunks, size);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('The request body is not valid UTF-8.');
  }
}
