// How many requests the built components make, counted by the simulator: the page of
// test/react/requestBudget.test.tsx (BillingStatusBanner, PlanCard, BillingGate, UpgradeButton,
// ManageButton) plus a host component reading useBillingState, rendered with react-dom in jsdom over
// createMockBackend (in memory; each answer let through on a turn of the bench, and the return's lazy
// code when the bench says, so every figure is the same on every run). Prints the state and session
// requests, the navigations, and how often a `select`ing reader rendered; then, for each component of
// the page (a React <Profiler> around each), the commits in which it rendered on the first load, a
// click on Upgrade, a return from Checkout and one from the Portal. Not a test: the request budgets are
// enforced by test/react/requestBudget.test.tsx. Run `npm run build` first.
// usage: node bench/requests.mjs
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { JSDOM } from 'jsdom';

const root = resolve(import.meta.dirname, '..');
const entries = ['dist/index.js', 'dist/mock/index.js', 'dist/core/index.js'];
for (const entry of entries) {
  if (!existsSync(resolve(root, entry))) throw new Error(`${entry} is missing: run npm run build first.`);
}

// The return's code, which a page with a marker loads with import() (a build without that file has its
// return in the first load): held by a module hook until the bench lets it through, so whether it or
// the state's answer arrives first is chosen here, not raced against the disk.
const returnCodeUrl = pathToFileURL(resolve(root, 'dist/core/flow/comeBack.js')).href;
// Left open to the end: a hook thread with nothing left to wait for ends, and Node ends the process with it.
const returnCode = new MessageChannel();
const holdReturnCode = `let open = false;
const waiting = [];
export function initialize({ port }) {
  port.on('message', () => { open = true; for (const go of waiting.splice(0)) go(); });
}
export async function load(url, context, next) {
  if (!open && url === ${JSON.stringify(returnCodeUrl)}) await new Promise((go) => waiting.push(go));
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(holdReturnCode)}`, import.meta.url, {
  data: { port: returnCode.port2 },
  transferList: [returnCode.port2],
});
/** Lets the return's code load, and waits until it has (a page's import() of it resolves with ours), 5 s at most. */
async function releaseReturnCode() {
  returnCode.port1.postMessage('go');
  if (!existsSync(fileURLToPath(returnCodeUrl))) return;
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(
      () => fail(new Error('bench/requests.mjs: the return code did not load in 5 s.')),
      5000,
    );
  });
  await Promise.race([import(returnCodeUrl), late]).finally(() => clearTimeout(timer));
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

/** By <Profiler id>: the commits in which something under it rendered, and the calls of its onRender. */
const commits = {};
const onRenders = {};
const profiled = [
  'BillingStatusBanner',
  'PlanCard',
  'BillingGate',
  'UpgradeButton',
  'ManageButton',
  'TierLabel',
];
const resetCommits = () => {
  for (const id of profiled) [commits[id], onRenders[id]] = [0, 0];
};
resetCommits();
// React 19's Profiler misses renders: a consumer re-rendered only by a context change, in a commit where
// other components under the same parent also update, runs without its Profiler's onRender (context changes
// reach it lazily, after the Profiler has decided it has no work). So each commit is also read as React
// DevTools reads it, through the hook react-dom reports commits to: a component rendered if its fiber is
// new since the last commit (cloned, not skipped) and did its work (the PerformedWork flag, 1).
const lastFibers = new WeakMap();
globalThis.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  inject: () => 1,
  onCommitFiberRoot(_renderer, root) {
    const before = lastFibers.get(root) ?? new Set();
    const now = new Set();
    const rendered = new Set();
    const visit = (first, profiler) => {
      for (let fiber = first; fiber; fiber = fiber.sibling) {
        now.add(fiber);
        const id = fiber.tag === 12 ? fiber.memoizedProps.id : profiler;
        if (id && !before.has(fiber) && fiber.flags & 1) rendered.add(id);
        visit(fiber.child, id);
      }
    };
    visit(root.current.child, null);
    lastFibers.set(root, now);
    for (const id of rendered) if (id in commits) commits[id] += 1;
  },
  onCommitFiberUnmount() {},
};

const [
  { act, createElement: h, Profiler, StrictMode, version: reactVersion },
  { createRoot },
  { QueryClient },
  billing,
  mock,
  core,
] = await Promise.all([
  import('react'),
  import('react-dom/client'),
  import('@tanstack/react-query'),
  ...entries.map((entry) => import(pathToFileURL(resolve(root, entry)).href)),
]);
const { billingStateQueryKey } = core;
const {
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

const onRender = (id) => {
  onRenders[id] += 1;
};
const snapshotCommits = () => Object.fromEntries(profiled.map((id) => [id, [commits[id], onRenders[id]]]));
const profile = (id, element) => h(Profiler, { id, onRender }, element);

function TierLabel({ renders }) {
  renders.count += 1;
  const { data: tier } = useBillingState({ select: (state) => state.tier });
  return h('p', { 'data-bench': 'tier' }, tier === undefined ? 'Loading plan…' : `Plan: ${tier}`);
}

function Page() {
  return h(
    'main',
    null,
    profile('BillingStatusBanner', h(BillingStatusBanner)),
    profile('PlanCard', h(PlanCard)),
    profile(
      'BillingGate',
      h(BillingGate, { fallback: h('p', null, 'Reports need a paid plan.') }, h('p', null, 'Your reports')),
    ),
    profile('UpgradeButton', h(UpgradeButton, { tier: 'business' }, 'Go Business')),
    profile('ManageButton', h(ManageButton, null, 'Invoices')),
    profile('TierLabel', h(TierLabel, { renders: tierRenders })),
  );
}

/**
 * A network for the page's backend: each answer is held until the next turn of settle(), which lets one
 * through (in order). The simulator answers in microtasks; in a browser an answer arrives in a later task
 * than its request, so a click's pending state, or a page's loading state, gets a commit of its own, as
 * it does here. The counts are the same (a call reaches the simulator when it is let through).
 */
const network = {
  held: [],
  release() {
    this.held.shift()?.();
  },
  backend(inner) {
    const hold = (call) => (input) =>
      new Promise((resolve, reject) => this.held.push(() => call(input).then(resolve, reject)));
    return {
      getState: hold((options) => inner.getState(options)),
      createCheckoutSession: hold((input) => inner.createCheckoutSession(input)),
      createPortalSession: hold((input) => inner.createPortalSession(input)),
    };
  },
};

/**
 * Mounts the page over a fresh simulator in `scenario` (`prepare` acts on it first); `run` measures, then
 * everything is torn down. The render counts start at the mount.
 */
async function withPage(
  scenario,
  run,
  { strict = false, path = '/settings/billing', webhookDelayMs, prepare } = {},
) {
  window.history.replaceState(null, '', path);
  const simulator = createBillingSimulator({
    scenario,
    ...(webhookDelayMs === undefined ? {} : { webhookDelayMs }),
  });
  prepare?.(simulator);
  resetCommits();
  const navigations = [];
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const container = window.document.createElement('div');
  window.document.body.append(container);
  const reactRoot = createRoot(container);
  const page = h(
    BillingProvider,
    {
      backend: network.backend(createMockBackend(simulator)),
      navigate: (url) => navigations.push(url),
      queryClient,
    },
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
    // The page never leaves jsdom: what a navigation keeps pending until then (or 10 s) is released as a
    // return from the back/forward cache releases it, so no timer keeps the process alive.
    await act(async () => {
      window.dispatchEvent(new window.PageTransitionEvent('pageshow', { persisted: true }));
      await new Promise((done) => setTimeout(done, 0));
    });
    await act(() => reactRoot.unmount());
    network.held.length = 0;
    queryClient.clear();
    container.remove();
  }
}

/** One macrotask, in which the network lets one held answer through. */
const turn = () =>
  act(() => {
    network.release();
    return new Promise((done) => setTimeout(done, 0));
  });

/** Lets fetches and renders finish, a macrotask at a time, until `ready()` (and one turn more). Bounded. */
async function settle(ready, what) {
  for (let turns = 0; turns < 100; turns += 1) {
    await turn();
    if (ready()) {
      await turn();
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
/** [moment, commits by component]. */
const renderRows = [];

// 1. The page's first load: one state request however many components read it, no session.
await withPage('active', ({ simulator }) => {
  const counts = simulator.requestCounts();
  rows.push(['state requests, page of 5 components + a useBillingState reader (active)', counts.state, 1]);
  rows.push(['  session requests on that load', sessions(simulator), 0]);
  rows.push(['renders of the reader with select: s => s.tier, first load', tierRenders.count, null]);
  renderRows.push(['first load, until the state is shown', snapshotCommits()]);
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
  resetCommits();
  await clickInOneTick(button(container, 'Go Business'), 1);
  await settle(() => navigations.length > 0, 'the click');
  renderRows.push(['a click on Upgrade, until it navigates', snapshotCommits()]);
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

// 4a. Renders on a return from Checkout: the simulator completes the payment (its webhook at once)
// before the page opens at the success URL; counted from the mount until the confirmation is done and
// the marker is gone. Where the return's code is loaded with import(), it arrives after the state's
// answer (4a, held until the state is shown) or before it (4b, already loaded).
const returned = (param, queryClient) => () =>
  !new URLSearchParams(window.location.search).has(param) && queryClient.isFetching() === 0;
const returnUrl = (marker) => `http://localhost:3000/settings/billing?${marker}`;
async function backFromCheckout(label, beforeConfirmed = async () => {}) {
  await withPage(
    'free',
    async ({ container, queryClient }) => {
      await beforeConfirmed();
      await settle(returned('saiku_checkout', queryClient), 'the return from Checkout');
      if (!container.textContent.includes('Your reports'))
        throw new Error('bench/requests.mjs: Checkout unconfirmed.');
      renderRows.push([label, snapshotCommits()]);
    },
    {
      path: '/settings/billing?saiku_checkout=success',
      webhookDelayMs: 0,
      prepare(simulator) {
        const { sessionId } = simulator.createCheckoutSession({
          tier: 'team',
          successUrl: returnUrl('saiku_checkout=success'),
          cancelUrl: returnUrl('saiku_checkout=canceled'),
        });
        simulator.completeCheckout(sessionId);
      },
    },
  );
}
await backFromCheckout('back from Checkout, state before return code', () => act(releaseReturnCode));

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

// 4b. The same, the return's code loaded already: the page's import() of it resolves before the answer.
await backFromCheckout('back from Checkout, return code first');

// 4c. Renders on a return from the Portal where the user changed plan: the tab left with the state it
// showed (sessionStorage); counted from the mount until the change is found and the marker is gone.
await withPage(
  'active',
  async ({ container, queryClient }) => {
    await settle(returned('saiku_portal', queryClient), 'the return from the Portal');
    if (!container.textContent.includes('Plan: business'))
      throw new Error('bench/requests.mjs: no plan change.');
    renderRows.push(['back from the Portal (plan changed)', snapshotCommits()]);
  },
  {
    path: '/settings/billing?saiku_portal=return',
    prepare(simulator) {
      window.sessionStorage.setItem('saiku-billing:portal-left', JSON.stringify(simulator.getState()));
      simulator.changePlan('business');
    },
  },
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

const momentWidth = Math.max(...renderRows.map(([moment]) => moment.length));
console.log(
  '\ncommits in which each component rendered (in brackets: its Profiler onRender calls), no StrictMode',
);
console.log([''.padEnd(momentWidth), ...profiled].join('  '));
for (const [moment, counts] of renderRows) {
  console.log(
    [
      moment.padEnd(momentWidth),
      ...profiled.map((id) => `${counts[id][0]} (${counts[id][1]})`.padStart(id.length)),
    ].join('  '),
  );
}
