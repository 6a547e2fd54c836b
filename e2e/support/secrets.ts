// Flow 6: everything the browser received — every response's URL, status line, headers and body,
// scripts and stylesheets included — recorded, then searched for the API key.
import type { CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';
import { defaultApiKey } from '../../src/mock/createBillingSimulator';

/**
 * The key the demo's proxy sends to the simulator: demo/server.mjs hard-codes the simulator's
 * default key (`createBillingProxy({ apiKey: defaultApiKey, … })`), so this is the string to look for.
 */
export const demoApiKey: string = defaultApiKey;

export interface RecordedResponse {
  url: string;
  method: string;
  status: number;
  resourceType: string;
  contentType: string;
  /** The status line, then every header as the browser received it, one `name: value` per line. */
  headers: string;
  /** The body as text; null for redirects, which have none. */
  body: string | null;
}

/** The fields of CDP's `Fetch.requestPaused` (response stage) the recorder reads. */
interface PausedResponse {
  requestId: string;
  request: { url: string; method: string };
  resourceType: string;
  responseStatusCode?: number;
  /** Set instead of a status when the response failed (connection reset, aborted): no body exists. */
  responseErrorReason?: string;
  responseStatusText?: string;
  responseHeaders?: { name: string; value: string }[];
}

/** A CDP call that has not answered in this long never will: fail it, naming the call. */
const cdpTimeoutMs = 5_000;

class CdpTimeout extends Error {}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function bounded<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CdpTimeout(`${what} got no answer from Chromium in ${cdpTimeoutMs} ms`)),
      cdpTimeoutMs,
    );
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Records every response a page receives, body included. Playwright's `response.body()` cannot be
 * relied on here: a session answer (`/api/billing/portal-session`) is read by the page, which
 * navigates away at once, and Chromium drops the body before it can be asked for. So the recorder
 * pauses each response in Chromium's network stack (CDP `Fetch`, response stage), reads headers and
 * body there, and only then lets the browser have it: nothing reaches the page unrecorded, and the
 * requests themselves are the browser's own (its headers, Origin, cookies, redirects), unchanged.
 */
export class ResponseRecorder {
  readonly responses: RecordedResponse[] = [];
  /** Responses whose body could not be read (other than redirects): the search would miss them. */
  readonly unreadable: { url: string; status: number; error: string }[] = [];
  /** Every WebSocket message the page received. */
  readonly frames: { url: string; payload: string }[] = [];
  /** Requests canceled while their response was held here: never delivered to the page. */
  readonly aborted: string[] = [];
  /** Responses being read, by the URL they are for (named if one never finishes). */
  private readonly pending = new Map<Promise<void>, string>();
  private readonly seenByPlaywright: string[] = [];

  async attach(page: Page): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Fetch.requestPaused', (event) => {
      const task = this.record(cdp, event).finally(() => this.pending.delete(task));
      this.pending.set(task, `${event.request.method} ${event.request.url}`);
    });
    // WebSocket messages (Vite's dev socket) are not responses: record them as they arrive.
    page.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) =>
        this.frames.push({ url: socket.url(), payload: payload.toString() }),
      );
    });
    // Playwright's own view of the traffic, to prove the recording missed nothing (see `missed`).
    page.on('response', (response) =>
      this.seenByPlaywright.push(`${response.request().method()} ${response.url()} ${response.status()}`),
    );
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Response' }] });
  }

  private async record(cdp: CDPSession, event: PausedResponse): Promise<void> {
    const status = event.responseStatusCode ?? 0;
    const headerList = event.responseHeaders ?? [];
    let body: string | null = null;
    // A response that failed in the network stack (e.g. a favicon request cut off by a
    // navigation) has no status, headers or body: nothing of it can reach the page.
    if (event.responseStatusCode === undefined) {
      this.aborted.push(event.request.url);
      await bounded(
        cdp.send('Fetch.continueRequest', { requestId: event.requestId }),
        'Fetch.continueRequest',
      ).catch(() => undefined);
      return;
    }
    let deliver = true;
    try {
      if (status < 300 || status >= 400) {
        try {
          const read = await bounded(
            cdp.send('Fetch.getResponseBody', { requestId: event.requestId }),
            'Fetch.getResponseBody',
          );
          body = read.base64Encoded ? Buffer.from(read.body, 'base64').toString('utf8') : read.body;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // The request was canceled while paused here (a reload, a navigation, an aborted fetch):
          // Chromium dropped it, and not one byte of its body reached the page.
          if (message.includes('Invalid InterceptionId')) {
            this.aborted.push(event.request.url);
            return;
          }
          // Chromium sometimes never answers for a request the page aborted while it was paused
          // here (a query cancelled by a refetch or a navigation). Unread, it must not reach the
          // page either: fail it (a no-op when the page gave up on it) and count it as aborted.
          if (error instanceof CdpTimeout) {
            deliver = false;
            this.aborted.push(event.request.url);
            await bounded(
              cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'Aborted' }),
              'Fetch.failRequest',
            ).catch(() => undefined);
            return;
          }
          this.unreadable.push({ url: event.request.url, status, error: message });
        }
      }
      this.responses.push({
        url: event.request.url,
        method: event.request.method,
        status,
        resourceType: event.resourceType.toLowerCase(),
        contentType: headerList.find(({ name }) => name.toLowerCase() === 'content-type')?.value ?? '',
        headers: [
          `${status} ${event.responseStatusText ?? ''}`,
          ...headerList.map(({ name, value }) => `${name}: ${value}`),
        ].join('\n'),
        body,
      });
    } finally {
      // Let the browser have the response, unchanged. The page may be gone already (context closed).
      if (deliver) {
        await bounded(
          cdp.send('Fetch.continueRequest', { requestId: event.requestId }),
          'Fetch.continueRequest',
        ).catch(() => undefined);
      }
    }
  }

  /** Waits for the responses still being read; fails naming them if they take longer than a CDP call may. */
  async settle(): Promise<void> {
    const deadline = Date.now() + 2 * cdpTimeoutMs;
    while (this.pending.size > 0) {
      if (Date.now() > deadline)
        throw new Error(`The recorder never finished reading: ${[...this.pending.values()].join(', ')}`);
      await Promise.race([Promise.all([...this.pending.keys()]), sleep(100)]);
    }
  }

  /** Responses Playwright saw that the recording lacks (a cache hit repeats one already recorded). */
  missed(): string[] {
    const recorded = new Set(this.responses.map((r) => `${r.method} ${r.url} ${r.status}`));
    return this.seenByPlaywright.filter((seen) => !recorded.has(seen));
  }

  /** Where `secret` appears: the URL, the status line, a header or a body. */
  findings(secret: string): string[] {
    const found: string[] = [];
    for (const r of this.responses) {
      const where = `${r.method} ${r.url} (${r.status})`;
      if (r.url.includes(secret)) found.push(`${where}: in the URL`);
      if (r.headers.includes(secret)) found.push(`${where}: in the status line or a header`);
      if (r.body?.includes(secret)) found.push(`${where}: in the body`);
    }
    for (const frame of this.frames) {
      if (frame.url.includes(secret) || frame.payload.includes(secret))
        found.push(`WebSocket ${frame.url}: in a message`);
    }
    return found;
  }

  count(predicate: (response: RecordedResponse) => boolean): number {
    return this.responses.filter(predicate).length;
  }
}

/**
 * Asserts the key reached the browser nowhere, and that the search had something to search:
 * every body was read, and the recording holds the page's scripts and the proxy's answers.
 */
export async function expectKeyNeverReachedBrowser(
  recorder: ResponseRecorder,
  options: { scripts?: boolean; billingApi?: boolean } = {},
): Promise<void> {
  await recorder.settle();
  expect(recorder.unreadable, 'responses whose body could not be searched').toEqual([]);
  expect(recorder.missed(), 'responses the recording missed').toEqual([]);
  expect(recorder.responses.length).toBeGreaterThan(0);
  if (options.scripts ?? true) {
    expect(recorder.count((r) => r.resourceType === 'script' && (r.body?.length ?? 0) > 0)).toBeGreaterThan(
      0,
    );
  }
  if (options.billingApi ?? true) {
    expect(recorder.count((r) => new URL(r.url).pathname.startsWith('/api/billing/'))).toBeGreaterThan(0);
  }
  expect(recorder.findings(demoApiKey), `"${demoApiKey}" reached the browser`).toEqual([]);
}
