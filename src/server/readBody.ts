/** Reads a request body as UTF-8 text, refusing (413) as soon as it passes the limit rather than after. */
import { Refusal } from './replies';

/** The largest body the proxy reads: the seed's bodies are a few hundred bytes. */
export const maxBodyBytes = 16 * 1024;

const tooLarge = () =>
  new Refusal(413, 'payload_too_large', `The request body is larger than ${maxBodyBytes} bytes.`);

/** 413 from `Content-Length` alone, before a byte of the body is read. */
export function checkDeclaredLength(request: Request): void {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBodyBytes) throw tooLarge();
}

export async function readBodyText(request: Request): Promise<string> {
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let result: ReadableStreamReadResult<unknown>;
    try {
      result = await reader.read();
    } catch {
      throw new Refusal(400, 'invalid_request', 'The request body could not be read.');
    }
    if (result.done) break;
    const chunk = result.value;
    if (!(chunk instanceof Uint8Array)) {
      void reader.cancel().catch(() => undefined);
      throw new Refusal(400, 'invalid_request', 'The request body could not be read.');
    }
    size += chunk.byteLength;
    if (size > maxBodyBytes) {
      // Stop here: the rest is never read, let alone buffered.
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
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
    throw new Refusal(400, 'invalid_request', 'The request body is not valid UTF-8.');
  }
}
