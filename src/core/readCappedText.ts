/** Reading an answer from a server that may be hostile or broken: bounded in time and in size. */
import { BillingError } from './BillingError';

/** The most of an answer that is read, counted after decoding: the API's bodies are under 1 KiB. */
export const maxAnswerBytes = 64 * 1024;

/**
 * Reads the body as UTF-8 text, giving up when `signal` aborts (whatever the `fetch` that made the
 * response does with it: a body that never ends or drips a byte at a time still fails in time) and
 * at `maxAnswerBytes`, where it stops reading, so a huge answer or a gzip bomb is never buffered.
 */
export async function readCappedText(
  response: Response,
  signal: AbortSignal,
  service: string,
): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  // Cancelling ends a pending read at once, however the stream's source behaves.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop);
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) return text + decoder.decode();
      size += value.byteLength;
      if (size > maxAnswerBytes) {
        stop();
        throw new BillingError(
          'invalid_response',
          `${service} answered with more than ${maxAnswerBytes} bytes.`,
        );
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
