// renderWithBilling(), like TanStack's renderWithClient: a fresh QueryClient and a BillingProvider per
// test, over the real proxy backend, with the network faked at the boundary by msw.
import { focusManager, QueryClient } from '@tanstack/react-query';
import { act, render, type RenderOptions, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, vi, type Mock } from 'vitest';
import { BillingProvider, type BillingProviderProps, type BillingState } from '../../src';
import { createProxyBackend } from '../../src/core';
import { activeState, checkoutSessionBody, portalSessionBody } from './fixtures';

/**
 * Where the proxy lives, as a host mounts it: relative, so it resolves against the page
 * (http://localhost:3000/ in jsdom).
 */
export const proxyPath = '/api/billing';

export type BillingRoute = 'state' | 'checkout-session' | 'portal-session';

/** What a route answers: a state body (for `state`), or a resolver that builds the Response. */
export type Answer = (request: Request) => Response | Promise<Response>;

interface RecordedRequest {
  url: string;
  /** The parsed JSON body of a POST; undefined for a GET. */
  body: unknown;
}

const defaultAnswers: Record<BillingRoute, Answer> = {
  state: () => HttpResponse.json(activeState()),
  'checkout-session': () => HttpResponse.json(checkoutSessionBody),
  'portal-session': () => HttpResponse.json(portalSessionBody),
};

export interface FakeBillingApi {
  server: SetupServer;
  /** Sets what a route answers for the rest of the test; later calls replace earlier ones. */
  answer(route: 'state', answer: BillingState | Answer): void;
  answer(route: Exclude<BillingRoute, 'state'>, answer: Answer): void;
  /** Answers a route with each of `answers` in turn, the last one repeating. */
  answerInTurn(route: BillingRoute, ...answers: Answer[]): void;
  /** How many requests a route has received in this test. */
  count(route: BillingRoute): number;
  /** The requests a route has received in this test. */
  requests(route: BillingRoute): readonly RecordedRequest[];
}

/**
 * Starts msw for this test file with the proxy's three JSON routes, counting every request.
 * A request to anything else fails the test. After each test: default answers, zero counts,
 * the page back at '/', and focus tracking back to the document's.
 */
export function setupFakeBillingApi(): FakeBillingApi {
  const recorded: Record<BillingRoute, RecordedRequest[]> = {
    state: [],
    'checkout-session': [],
    'portal-session': [],
  };
  const answers = new Map<BillingRoute, Answer>();

  const route = (name: BillingRoute) => {
    const url = `${window.location.origin}${proxyPath}/${name}`;
    const resolver = async ({ request }: { request: Request }) => {
      const body = request.method === 'POST' ? ((await request.clone().json()) as unknown) : undefined;
      recorded[name].push({ url: request.url, body });
      return (answers.get(name) ?? defaultAnswers[name])(request);
    };
    return name === 'state' ? http.get(url, resolver) : http.post(url, resolver);
  };
  const server = setupServer(route('state'), route('checkout-session'), route('portal-session'));

  // msw 3's `onUnhandledFrame: 'error'` (v2's onUnhandledRequest) only makes the fetch fail, which the
  // library turns into a `network` error a test might not notice: also fail the test that made it.
  const stray: string[] = [];
  beforeAll(() =>
    server.listen({
      onUnhandledFrame: async ({ frame, defaults }) => {
        stray.push(await frame.getUnhandledMessage());
        defaults.error();
      },
    }),
  );
  afterEach(() => {
    const unhandled = stray.splice(0);
    if (unhandled.length > 0) throw new Error(`Requests no handler answered:\n${unhandled.join('\n')}`);
  });
  afterEach(() => {
    answers.clear();
    for (const list of Object.values(recorded)) list.length = 0;
    server.resetHandlers();
    window.history.replaceState(null, '', '/');
    focusManager.setFocused(undefined);
  });
  afterAll(() => server.close());

  return {
    server,
    answer(name: BillingRoute, answer: BillingState | Answer) {
      answers.set(name, typeof answer === 'function' ? answer : () => HttpResponse.json(answer));
    },
    answerInTurn(name, ...list) {
      let next = 0;
      answers.set(name, (request) => {
        const answer = list[Math.min(next, list.length - 1)];
        next += 1;
        if (!answer) throw new Error(`answerInTurn('${name}') needs at least one answer`);
        return answer(request);
      });
    },
    count: (name) => recorded[name].length,
    requests: (name) => recorded[name],
  };
}

/** A JSON answer, for `answer()` and `answerInTurn()`. */
export function json(body: unknown, init?: ResponseInit): Answer {
  return () => HttpResponse.json(body as Record<string, unknown>, init);
}

/** An answer held until `release()` is called: for asserting what the page shows while a request is in flight. */
export function deferred(answer: Answer): { answer: Answer; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    answer: async (request) => {
      await gate;
      return answer(request);
    },
    release: () => release(),
  };
}

/**
 * A QueryClient for one test. Retry policy and back-off are not set here: `billingQueryOptions`
 * sets them on the query itself (they beat client defaults, and they are under test), so tests
 * that wait for a retry use fake timers.
 */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
}

export interface RenderWithBillingOptions extends Omit<BillingProviderProps, 'children'> {
  /** Passed to Testing Library's render; a `wrapper` goes around the provider. */
  renderOptions?: Omit<RenderOptions, 'queries'>;
  /** Leave `queryClient` unset on the provider (it then uses an enclosing client or its own). @default false */
  withoutQueryClient?: boolean;
  /**
   * Render inside `<StrictMode>` placed above the provider, so the provider's own effects (which read the
   * return markers, poll and emit events) mount twice as in development. A `<StrictMode>` inside `ui`
   * doubles only the components under the provider. @default false
   */
  strictMode?: boolean;
}

export interface RenderWithBillingResult extends Omit<RenderResult, 'rerender'> {
  queryClient: QueryClient;
  /** The provider's `navigate`: where the browser would have gone. */
  navigate: Mock<(url: string) => void>;
  user: UserEvent;
  /** Re-renders under the same provider, with `props` replacing any of the provider's props. */
  rerender(ui: ReactElement, props?: Partial<Omit<BillingProviderProps, 'children'>>): void;
}

/** Renders `ui` inside a BillingProvider wired to the proxy backend at `proxyPath`, with a fresh QueryClient. */
export function renderWithBilling(
  ui: ReactElement,
  options: RenderWithBillingOptions = {},
): RenderWithBillingResult {
  const { renderOptions, withoutQueryClient = false, strictMode = false, ...providerOverrides } = options;
  const queryClient = providerOverrides.queryClient ?? createTestQueryClient();
  const navigate = vi.fn<(url: string) => void>();
  let providerProps: Omit<BillingProviderProps, 'children'> = {
    backend: createProxyBackend({ baseUrl: proxyPath }),
    navigate,
    ...(withoutQueryClient ? {} : { queryClient }),
    ...providerOverrides,
  };
  const wrap = (element: ReactElement) => <BillingProvider {...providerProps}>{element}</BillingProvider>;
  const result = render(wrap(ui), { ...renderOptions, reactStrictMode: strictMode });
  // With fake timers, user-event's own delays must advance the fake clock.
  const user = vi.isFakeTimers()
    ? userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    : userEvent.setup();
  return {
    ...result,
    queryClient,
    navigate,
    user,
    rerender(next, props = {}) {
      providerProps = { ...providerProps, ...props };
      result.rerender(wrap(next));
    },
  };
}

/** The polite live region around `element`: how an error or notice reaches a screen reader. */
export function liveRegionOf(element: HTMLElement): HTMLElement | null {
  return element.closest<HTMLElement>('[role="status"][aria-live="polite"]');
}

/**
 * The user comes back to this page with the browser's Back button from Stripe's page, restored from the
 * back/forward cache: an action that was leaving is over.
 */
export async function backFromStripe(): Promise<void> {
  await act(async () => {
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await Promise.resolve();
  });
}

/** What a browser without JavaScript sends when `button` is pressed: none, or a form post. */
export interface NoScriptSubmission {
  method: string;
  /** The path posted to. */
  route: string;
  /** Every field the post carries, from the action's query and the form alike. */
  fields: Record<string, string>;
}

/**
 * Reads `button`'s no-JavaScript submission as a browser would build it: its form owner (the `form`
 * attribute included), the button's `formaction` over the form's `action`, the fields of both. Null
 * when the button submits nothing.
 */
export function noScriptSubmission(button: HTMLButtonElement): NoScriptSubmission | null {
  const form = button.form;
  if (form === null || button.type !== 'submit') return null;
  const action = new URL(button.getAttribute('formaction') ?? form.action, window.location.href);
  const fields: Record<string, string> = Object.fromEntries(action.searchParams);
  for (const [name, value] of new FormData(form)) fields[name] = String(value);
  return { method: form.method, route: action.pathname, fields };
}
