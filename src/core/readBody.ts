/**
 * The one reader of a request body, for the proxy and the simulator: UTF-8 text, refused (413) as
 * soon as it passes the caller's limit rather than after buffering it all.
 */
import { BillingError } from './BillingError';

/** A body over `maxBytes`: `BillingError('invalid_request')` with status 413. */
function tooLarge(maxBytes: number): BillingError {
  return new BillingError('invalid_request', `The request body is larger than ${maxBytes} bytes.`, {
    status: 413,
  });
}

const unreadable = (message: string) => new BillingError('invalid_request', message, { status: 400 });

/** Throws the 413 from `Content-Length` alone, before a byte of the body is read. */
export function checkDeclaredLength(request: Request, maxBytes: number): void {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes)
    throw tooLarge(maxBytes);
}

/**
 * The body as text. Rejects with `BillingError('invalid_request')`: status 413 past `maxBytes`
 * (declared or streamed; the rest is never read), 400 when it cannot be read or is not UTF-8.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  checkDeclaredLength(request, maxBytes);
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let result: ReadableStreamReadResult<unknown>;
    try {
      result = await reader.read();
    } catch {
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
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('The request body is not valid UTF-8.');
  }
}
