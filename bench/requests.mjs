// How many requests the built components make, counted by the simulator: the page of
// test/react/requestBudget.test.tsx (BillingStatusBanner, PlanCard, BillingGate, UpgradeButton,
// ManageButton) plus a host component reading useBillingState, rendered with react-dom in jsdom over
// createMockBackend (in memory, no latency, so every figure is the same on every run). Prints the
// state and session requests, the navigations, and how often a `select`ing reader rendered. Not a
// test: the same budgets are enforced by test/react/requestBudget.test.tsx. Run `npm run build` first.
// usage: node bench/requests.mjs
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';

const root = resolve(import.meta.dirname, '..');
const entries = ['dist/index.js', 'dist/mock/index.js'];
for (const entry of entries) {
  if (!existsSync(resolve(root, entry))) throw new Error(`${entry} is missing: run npm run build first.`);
}

// The DOM first: react-dom and @tanstack/react-query decide at import whether there is one.
const dom = new JSDOM('<!doctype html><html><body></body></html>', {
  url: 'http://localhost:3000/settings/billing',
});
const { window } = dom;
// Node's own Event, EventTarget and AbortController stay: events below are made with window's constructors.
const domGlobals = {
  window,
  document: window.document,
  navigator: window.navigator,
  Node: window.Node,
  Element: window.Element,
  HTMLElement: window.HTMLElement,
  HTMLIFrameElement: window.HTMLIFrameElement,
  getComputedStyle: window.getComputedStyle.bind(window),
  sessionStorage: window.sessionStorage,
};
for (const [name, value] of Object.entries(domGlobals)) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const [
  { act, createElement: h, StrictMode, version: reactVersion },
  { createRoot },
  { QueryClient },
  billing,
  mock,
] = await Promise.all([
  import('react'),
  import('react-dom/client'),
  import('@tanstack/react-query'),
  ...entries.map((entry) => import(pathToFileURL(resolve(root, entry)).href)),
]);
const {
  billingStateQueryKey,
  BillingGate,
  BillingProvider,
  BillingStatusBanner,
  ManageButton,
  PlanCard,
  UpgradeButton,
  useBillingState,
} = billing;
const { createBillingSimulator, createMockBackend } = mock;

/** Renders of the host's `select`ing reader, counted in its body. */
const tierRenders = { count: 0 };

function TierLabel({ renders }) {
  renders.count += 1;
  const { data: tier } = useBillingState({ select: (state) => state.tier });
  return h('p', { 'data-bench': 'tier' }, tier === undefined ? 'Loading plan…' : `Plan: ${tier}`);
}

function Page() {
  return h(
    'main',
    null,
    h(BillingStatusBanner),
    h(PlanCard),
    h(BillingGate, { fallback: h('p', null, 'Reports need a paid plan.') }, h('p', null, 'Your reports')),
    h(UpgradeButton, { tier: 'business' }, 'Go Business'),
    h(ManageButton, null, 'Invoices'),
    h(TierLabel, { renders: tierRenders }),
  );
}

/** Mounts the page over a fresh simulator in `scenario`; `run` measures, then everything is torn down. */
async function withPage(scenario, run, { strict = false, path = '/settings/billing' } = {}) {
  window.history.replaceState(null, '', path);
  const simulator = createBillingSimulator({ scenario });
  const navigations = [];
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const container = window.document.createElement('div');
  window.document.body.append(container);
  const reactRoot = createRoot(container);
  const page = h(
    BillingProvider,
    { backend: createMockBackend(simulator), navigate: (url) => navigations.push(url), queryClient },
    h(Page),
  );
  await act(() => reactRoot.render(strict ? h(StrictMode, null, page) : page));
  await settle(
    () => queryClient.isFetching() === 0 && container.textContent.includes('Plan: '),
    'the first load',
  );
  try {
    return await run({ simulator, navigations, queryClient, container });
  } finally {
    await act(() => reactRoot.unmount());
    queryClient.clear();
    container.remove();
  }
}

/** Lets fetches and renders finish, a macrotask at a time, until `ready()` (and one turn more). Bounded. */
async function settle(ready, what) {
  for (let turn = 0; turn < 100; turn += 1) {
    await act(() => new Promise((done) => setTimeout(done, 0)));
    if (ready()) {
      await act(() => new Promise((done) => setTimeout(done, 0)));
      return;
    }
  }
  throw new Error(`bench/requests.mjs: ${what} did not settle in 100 turns.`);
}

function button(container, name) {
  const found = [...container.querySelectorAll('button')].find((element) => element.textContent === name);
  if (!found) throw new Error(`bench/requests.mjs: no button named ${name}.`);
  return found;
}

/** What a user's pointer and keyboard do before deciding to click. */
async function hoverAndFocus(element) {
  await act(() => {
    for (const type of [
      'pointerover',
      'pointerenter',
      'mouseover',
      'mouseenter',
      'pointermove',
      'mousemove',
    ]) {
      const Init =
        type.startsWith('pointer') && window.PointerEvent ? window.PointerEvent : window.MouseEvent;
      element.dispatchEvent(new Init(type, { bubbles: !type.endsWith('enter'), cancelable: true }));
    }
    element.focus();
  });
}

/** `clicks` clicks on `element`, all dispatched in one tick; a double click also gets its `dblclick`. */
async function clickInOneTick(element, clicks, { dblclick = false } = {}) {
  await act(() => {
    for (let i = 0; i < clicks; i += 1) element.click();
    if (dblclick)
      element.dispatchEvent(
        new window.MouseEvent('dblclick', { bubbles: true, cancelable: true, detail: 2 }),
      );
  });
}

const sessions = (simulator) =>
  simulator.requestCounts().checkoutSession + simulator.requestCounts().portalSession;
const rows = [];

// 1. The page's first load: one state request however many components read it, no session.
await withPage('active', ({ simulator }) => {
  const counts = simulator.requestCounts();
  rows.push(['state requests, page of 5 components + a useBillingState reader (active)', counts.state, 1]);
  rows.push(['  session requests on that load', sessions(simulator), 0]);
  rows.push(['renders of the reader with select: s => s.tier, first load', tierRenders.count, null]);
});

// 1b. The same under React.StrictMode, which mounts every effect twice (the first fetch is cancelled unsent).
await withPage(
  'active',
  ({ simulator }) => {
    rows.push(['state requests, the same page under React.StrictMode', simulator.requestCounts().state, 1]);
  },
  { strict: true },
);

// 2. Shown, hovered and focused: still no session; one click: one Checkout session, one navigation.
await withPage('free', async ({ simulator, navigations, container }) => {
  await hoverAndFocus(button(container, 'Go Business'));
  await hoverAndFocus(button(container, 'Invoices'));
  rows.push(['session requests before a click (both buttons hovered, focused)', sessions(simulator), 0]);
  await clickInOneTick(button(container, 'Go Business'), 1);
  await settle(() => navigations.length > 0, 'the click');
  rows.push(['checkout sessions after one click on Upgrade', simulator.requestCounts().checkoutSession, 1]);
  rows.push(['  navigations', navigations.length, 1]);
  rows.push(['  state requests in all', simulator.requestCounts().state, 1]);
});

// 3. A double click and five rapid clicks, each in one tick, before React re-renders the button.
for (const [label, clicks, dblclick] of [
  ['a double click', 2, true],
  ['5 rapid clicks', 5, false],
]) {
  await withPage('free', async ({ simulator, navigations, container }) => {
    await clickInOneTick(button(container, 'Go Business'), clicks, { dblclick });
    await settle(() => navigations.length > 0, label);
    rows.push([`checkout sessions after ${label} in one tick`, simulator.requestCounts().checkoutSession, 1]);
    rows.push(['  navigations', navigations.length, 1]);
  });
}

// 4. Back from the Portal (marker in the URL, the state the tab left with in sessionStorage): the page
// view costs one state request; the polls that look for the Portal's change start a second later.
window.sessionStorage.setItem('saiku-billing:portal-left', JSON.stringify(mock.scenarios.active));
await withPage(
  'active',
  ({ simulator }) => {
    rows.push([
      'state requests, the returning tab after the Portal, polls aside',
      simulator.requestCounts().state,
      1,
    ]);
  },
  { strict: true, path: '/settings/billing?saiku_portal=return' },
);
window.sessionStorage.clear();

// 5. Three tabs of the app (providers with their own QueryClients on one BroadcastChannel, as tabs of
// one origin are): one learns a new state; the others show it without a request of their own.
{
  const simulator = createBillingSimulator({ scenario: 'free' });
  const tabs = [0, 1, 2].map(() => {
    const requests = { count: 0 };
    const inner = createMockBackend(simulator);
    const backend = {
      ...inner,
      getState: (options) => {
        requests.count += 1;
        return inner.getState(options);
      },
    };
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const container = window.document.createElement('div');
    window.document.body.append(container);
    return { requests, backend, queryClient, container, root: createRoot(container) };
  });
  await act(() => {
    for (const tab of tabs)
      tab.root.render(
        h(BillingProvider, { backend: tab.backend, queryClient: tab.queryClient }, h(PlanCard)),
      );
  });
  const shows = (text) => tabs.every((tab) => tab.container.textContent.includes(text));
  await settle(() => tabs.every((tab) => tab.queryClient.isFetching() === 0) && shows('Free'), 'three tabs');
  const loaded = tabs.map((tab) => tab.requests.count);
  simulator.setScenario('active');
  const [first, ...others] = tabs;
  await act(() => first.queryClient.refetchQueries({ queryKey: billingStateQueryKey }));
  await settle(() => shows('Team'), 'the other tabs');
  const learnedBy = (tab, index) => tab.requests.count - loaded[index];
  rows.push(['state requests, the tab that learns a new state (of 3 open)', learnedBy(first, 0), 1]);
  rows.push([
    '  state requests in the 2 other tabs, which show it too',
    others.reduce((sum, tab, index) => sum + learnedBy(tab, index + 1), 0),
    0,
  ]);
  for (const tab of tabs) {
    await act(() => tab.root.unmount());
    tab.container.remove();
    // Its cache's garbage-collection timers (5 min) would keep the process alive after the figures.
    tab.queryClient.clear();
  }
}

window.close();

const whatWidth = Math.max(...rows.map(([what]) => what.length));
console.log(`request counts, built package over the simulator in memory (jsdom, React ${reactVersion})`);
console.log(`${'what'.padEnd(whatWidth)}  count  budget`);
for (const [what, count, budget] of rows) {
  console.log(
    `${what.padEnd(whatWidth)}  ${String(count).padStart(5)}  ${String(budget ?? '-').padStart(6)}`,
  );
}
