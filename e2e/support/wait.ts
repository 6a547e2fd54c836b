import { expect } from 'vitest';

/** How long a UI change may take: covers the library's confirmation polls (1.5 s, 2.25 s …) on a slow machine. */
export const uiTimeoutMs = 20_000;

/** `expect.poll` with a timeout long enough for a real browser; no fixed sleeps anywhere. */
export function poll<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: uiTimeoutMs, interval: 100, ...(message ? { message } : {}) });
}
