// What the stories' network looks like: the billing simulator in a scenario behind the proxy routes
// (`billingHandlers`), or one hand-written answer for the states a healthy simulator never gives.
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { fn } from 'storybook/test';
import type { BillingState } from '../../src';
import {
  billingHandlers,
  createBillingSimulator,
  type BillingSimulator,
  type ScenarioName,
} from '../../src/mock';

/** The routes the default backend (`createProxyBackend()`) calls, on any origin. */
export const proxy = '*/api/billing';

/**
 * Every request a story's components make to the proxy, recorded before anything answers it: the play
 * functions count them (one state request per provider, one session per click). Storybook clears the
 * calls before each story.
 */
export const requests = {
  state: fn().mockName('GET /api/billing/state'),
  checkoutSession: fn().mockName('POST /api/billing/checkout-session'),
  portalSession: fn().mockName('POST /api/billing/portal-session'),
};

/** Records and falls through (a resolver that returns nothing lets the next handler answer). */
const recorders: RequestHandler[] = [
  http.get(`${proxy}/state`, () => {
    requests.state();
  }),
  http.post(`${proxy}/checkout-session`, async ({ request }) => {
    requests.checkoutSession(await request.clone().json());
  }),
  http.post(`${proxy}/portal-session`, async ({ request }) => {
    requests.portalSession(await request.clone().json());
  }),
];

const DAY_MS = 86_400_000;

/** The scenarios every component is shown in: the simulator's ten, and a status Stripe adds later. */
export type StoryScenario = ScenarioName | 'unknownStatus';

/**
 * `on_hold`, a status this library has no name for (as Stripe may add one): it is kept and shown as it
 * comes, never rejected; with a customer it still counts as a subscription, so it is managed in the Portal.
 */
export const unknownStatusState: Partial<BillingState> = {
  tier: 'team',
  stripeCustomerId: 'cus_sim_on_hold',
  subscriptionStatus: 'on_hold',
  currentPeriodEnd: new Date(Date.now() + 9 * DAY_MS).toISOString(),
  trialEndsAt: null,
  billedFeaturesActive: false,
};

export interface ScenarioNetwork {
  /** The story's own simulator: read what it minted (`listCheckoutSessions()`), or move its clock. */
  simulator: BillingSimulator;
  /** Spread into a story: its msw handlers, and a fresh simulator each time the story renders. */
  story: {
    parameters: { msw: { handlers: RequestHandler[] } };
    beforeEach: () => void;
  };
}

/**
 * A simulator that starts in `scenario`, served by `billingHandlers` on the proxy routes. `before`
 * handlers run first (to slow an answer down, say); the requests are recorded either way.
 */
export function scenario(name: StoryScenario, options: { before?: RequestHandler[] } = {}): ScenarioNetwork {
  const simulator = createBillingSimulator({
    scenario: name === 'unknownStatus' ? unknownStatusState : name,
  });
  return {
    simulator,
    story: {
      parameters: {
        msw: {
          handlers: [
            ...recorders,
            ...(options.before ?? []),
            ...billingHandlers(simulator, { baseUrl: proxy }),
          ],
        },
      },
      beforeEach: () => simulator.reset(),
    },
  };
}

/** One answer for one proxy route, recorded like the simulator's. */
export function answer(...handlers: RequestHandler[]): { msw: { handlers: RequestHandler[] } } {
  return { msw: { handlers: [...recorders, ...handlers] } };
}

/** The error body the proxy forwards: `{ error, message }`. */
function errorBody(status: number, error: string, message: string) {
  return HttpResponse.json({ error, message }, { status });
}

/** Hand-written answers for the states the simulator does not produce on its own. */
export const states = {
  /** The state request never answers. */
  loading: http.get(`${proxy}/state`, () => delay('infinite')),
  /** The connection fails (DNS, offline, CORS): fetch rejects. Transient, so retried three times. */
  networkError: http.get(`${proxy}/state`, () => HttpResponse.error()),
  /** The host's auth said no (the proxy's `apiKey` callback returned null). Never retried. */
  unauthorized: http.get(`${proxy}/state`, () => errorBody(401, 'unauthorized', 'Sign in to see billing.')),
  /** Saiku is down. Transient, so retried three times (1 s, 2 s, 4 s) before the error shows. */
  unavailable: http.get(`${proxy}/state`, () =>
    errorBody(503, 'upstream_unavailable', 'The billing service is unavailable.'),
  ),
  /** A 200 whose body is not a billing state: parsed at run time and refused, never trusted. */
  malformed: http.get(`${proxy}/state`, () =>
    HttpResponse.json({ tenantId: 42, tier: null, billedFeaturesActive: 'yes' }),
  ),
} satisfies Record<string, RequestHandler>;

/** Hand-written answers for the session routes. */
export const sessions = {
  checkoutPending: http.post(`${proxy}/checkout-session`, () => delay('infinite')),
  portalPending: http.post(`${proxy}/portal-session`, () => delay('infinite')),
  checkoutNetworkError: http.post(`${proxy}/checkout-session`, () => HttpResponse.error()),
  portalNetworkError: http.post(`${proxy}/portal-session`, () => HttpResponse.error()),
  checkoutUnauthorized: http.post(`${proxy}/checkout-session`, () =>
    errorBody(401, 'unauthorized', 'Sign in to manage billing.'),
  ),
  portalUnauthorized: http.post(`${proxy}/portal-session`, () =>
    errorBody(401, 'unauthorized', 'Sign in to manage billing.'),
  ),
  checkoutUnavailable: http.post(`${proxy}/checkout-session`, () =>
    errorBody(503, 'upstream_unavailable', 'The billing service is unavailable.'),
  ),
  portalUnavailable: http.post(`${proxy}/portal-session`, () =>
    errorBody(503, 'upstream_unavailable', 'The billing service is unavailable.'),
  ),
  checkoutMalformed: http.post(`${proxy}/checkout-session`, () => HttpResponse.json({ url: 42 })),
  portalMalformed: http.post(`${proxy}/portal-session`, () =>
    HttpResponse.json({ href: 'https://billing.stripe.com/p/session/x' }),
  ),
  /** A compromised or misconfigured proxy hands out a link to somewhere else: the client refuses to go. */
  checkoutUnsafe: http.post(`${proxy}/checkout-session`, () =>
    HttpResponse.json({
      url: 'https://checkout.stripe.com.evil.example/c/pay/cs_live_1',
      sessionId: 'cs_live_1',
    }),
  ),
  portalUnsafe: http.post(`${proxy}/portal-session`, () =>
    HttpResponse.json({ url: 'http://billing.stripe.com/p/session/1' }),
  ),
  /** 409: the tenant never completed Checkout, so there is no Stripe customer to manage. */
  portalNoCustomer: http.post(`${proxy}/portal-session`, () =>
    errorBody(409, 'no_customer', 'This tenant has no Stripe customer yet. Create a checkout session first.'),
  ),
} satisfies Record<string, RequestHandler>;

/** Waits out the library's retries of a transient failure: three, after 1 s, 2 s and 4 s. */
export const retriesSettleMs = 12_000;
