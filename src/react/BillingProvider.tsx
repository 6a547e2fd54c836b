'use client';
import { hashKey, QueryClient, QueryClientContext } from '@tanstack/react-query';
import {
  createElement,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  billingStateQueryKey,
  createProxyBackend,
  type BillingBackend,
  type BillingState,
  type CheckoutSessionInput,
  type PlanInfo,
  type PortalSessionInput,
  type Tier,
} from '../core';
import { defaultAllowedRedirectHosts } from '../core/allowedHosts';
import { proxyPath, type MaybeProxyBackend } from '../core/createProxyBackend';
import type { BillingLabelsInput } from '../labels/types';
import type { BillingEvent } from '../core/flow/BillingEvent';
import { createBillingFlow, type BillingFlowOptions } from '../core/flow/billingFlow';
import { BillingContext, type BillingContextValue } from './BillingContext';
import { billingQueryOptions } from './billingQueryOptions';

export interface BillingProviderProps {
  /** Where billing data comes from. @default createProxyBackend() — the proxy at '/api/billing' */
  backend?: BillingBackend;
  /**
   * Sends the browser to a Checkout or Portal URL (already checked against `allowedRedirectHosts`).
   * @default url => window.location.assign(url)
   */
  navigate?: (url: string) => void;
  /** The react-query client. @default the enclosing QueryClientProvider's, else one of the provider's own */
  queryClient?: QueryClient;
  /** A state fetched on the server: rendered at once, no loading state, no request on mount. */
  initialState?: BillingState;
  /**
   * Defaults for every Checkout session: `tier` defaults to `defaultCheckoutTier` ('team', the plan of
   * Saiku's worked example), `successUrl` and `cancelUrl` to the current page.
   * @example { tier: 'business', email: user.email, name: org.name }
   */
  checkout?: Partial<CheckoutSessionInput>;
  /** Defaults for every Portal session; `returnUrl` defaults to the current page. */
  portal?: Partial<PortalSessionInput>;
  /**
   * Hosts a session URL may point at; anything else is refused with `unsafe_redirect`.
   * @default ['checkout.stripe.com', 'billing.stripe.com']
   */
  allowedRedirectHosts?: readonly string[];
  /**
   * A BCP 47 locale for dates and prices, used on the server and in the browser alike.
   * @default the browser's (`navigator.language`); on the server, and in the browser until hydration
   * is done, `'en-US'`, so server-rendered HTML and the first client render agree in any browser locale
   */
  locale?: string;
  /** Overrides for any text the components show. */
  labels?: BillingLabelsInput;
  /**
   * Told of each lifecycle event once per occurrence (Checkout started, completed, canceled; Portal opened,
   * returned; state changed), for analytics. What it throws is caught (and logged in development).
   * @example onEvent={(event) => analytics.track(`billing.${event.type}`)}
   */
  onEvent?: (event: BillingEvent) => void;
  /**
   * Share each newly fetched state with the app's other tabs (BroadcastChannel), so they update with no
   * request of their own. @default true
   */
  syncTabs?: boolean;
  /**
   * The plans you offer (the API has no prices): `<PricingTable>` and `usePlans()` show them, and the
   * plan card takes the current plan's name and price from them.
   * @default none: the plan card names the tier, and `<PricingTable>` needs its own `plans`
   * @example [{ tier: 'team', price: { amount: 4900, currency: 'usd', interval: 'month' }, highlighted: true }]
   */
  plans?: readonly PlanInfo[];
  children?: ReactNode;
}

/** The plan an Upgrade button checks out when neither it nor the provider's `checkout` names one. */
export const defaultCheckoutTier: Tier = 'team';

/** The locale the server renders in without a `locale` prop, and hydration starts from. */
const serverLocale = 'en-US';
const subscribeToNothing = () => () => {};
const readBrowserLocale = () => navigator.language;
const readServerLocale = () => serverLocale;

function defaultNavigate(url: string): void {
  window.location.assign(url);
}

/**
 * Warns once in development when a prop that is read only at mount changes identity. Called only under
 * `process.env.NODE_ENV !== 'production'`, a constant the host's bundler writes out: production builds
 * drop the calls and this function (esbuild, Rolldown and Terser alike).
 */
function useMountOnlyPropWarning(name: string, value: unknown): void {
  const first = useRef(value);
  const warned = useRef(false);
  useEffect(() => {
    if (warned.current || first.current === value) return;
    warned.current = true;
    console.warn(
      `[@saiku/billing-react] <BillingProvider ${name}> changed after mount and the change is ignored. ` +
        `Create it once (outside the component, or in useState/useMemo).`,
    );
  }, [name, value]);
}

/** Holds the backend, the query client and the host's defaults for every billing component under it. */
export const BillingProvider = /* @__PURE__ */ Object.assign(
  function BillingProvider(props: BillingProviderProps): ReactNode {
    const outerClient = useContext(QueryClientContext);
    // Mount-only: a new backend or client object on every render must not reset the cache.
    const [backend] = useState(() => props.backend ?? createProxyBackend());
    const [queryClient] = useState(() => props.queryClient ?? outerClient ?? new QueryClient());
    if (process.env.NODE_ENV !== 'production') {
      // The condition is a build constant, the same on every render, so the hooks' order never changes.
      // eslint-disable-next-line react-hooks/rules-of-hooks
      useMountOnlyPropWarning('backend', props.backend);
      // eslint-disable-next-line react-hooks/rules-of-hooks
      useMountOnlyPropWarning('queryClient', props.queryClient);
    }

    // A client we made (or one without a QueryClientProvider) still needs focus and online tracking.
    // TanStack Query 5 follows only visibilitychange; coming back from the portal in another window
    // fires focus alone, so ask again then too (a fetch already in flight is reused, not doubled).
    useEffect(() => {
      queryClient.mount();
      const refetch = () =>
        void queryClient.refetchQueries(
          { queryKey: billingStateQueryKey, type: 'active' },
          { cancelRefetch: false },
        );
      window.addEventListener('focus', refetch);
      return () => {
        window.removeEventListener('focus', refetch);
        queryClient.unmount();
      };
    }, [queryClient]);

    const {
      navigate = defaultNavigate,
      checkout,
      portal,
      allowedRedirectHosts,
      labels,
      initialState,
      plans,
    } = props;
    // Hydration reads the server's snapshot, then React renders again with the browser's: no mismatch.
    const browserLocale = useSyncExternalStore(subscribeToNothing, readBrowserLocale, readServerLocale);
    const locale = props.locale ?? browserLocale;
    const checkoutDefaults = useMemo(
      () => ({ ...checkout, tier: checkout?.tier ?? defaultCheckoutTier }),
      [checkout],
    );
    // The flow takes the latest props on every render, as a TanStack observer takes its options.
    const flowOptions: BillingFlowOptions = {
      backend,
      navigate,
      allowedRedirectHosts: allowedRedirectHosts ?? defaultAllowedRedirectHosts,
      checkout: checkoutDefaults,
      portal: portal ?? {},
      peekState: () => queryClient.getQueryData<BillingState>(billingStateQueryKey),
      fetchState: () =>
        queryClient.fetchQuery({ ...billingQueryOptions(backend), staleTime: 0, retry: false }),
      showState: (state) => queryClient.setQueryData(billingStateQueryKey, state),
      onEvent: props.onEvent,
      syncTabs: props.syncTabs,
    };
    const [flow] = useState(() => createBillingFlow(flowOptions));
    flow.configure(flowOptions);
    useEffect(() => flow.mount(), [flow]);
    // Each state the page learns goes to the flow (state_changed, other tabs, a returned error's end).
    useEffect(() => {
      const stateHash = hashKey(billingStateQueryKey);
      return queryClient.getQueryCache().subscribe((event) => {
        if (
          event.type === 'updated' &&
          event.action.type === 'success' &&
          event.query.queryHash === stateHash
        )
          flow.learn(event.query.state.data as BillingState, !event.action.manual);
      });
    }, [queryClient, flow]);

    // The no-JavaScript path: one empty form, here where a form may go, which every button under the
    // provider submits (its `form` attribute), so no button puts a form inside a <p> or the host's <form>.
    const formId = useId();
    const value = useMemo<BillingContextValue>(
      () => ({
        backend,
        queryClient,
        flow,
        checkout: checkoutDefaults,
        portal: portal ?? {},
        locale,
        labels,
        plans,
        initialState,
        formId,
      }),
      [backend, queryClient, flow, checkoutDefaults, portal, locale, labels, plans, initialState, formId],
    );

    return createElement(
      BillingContext.Provider,
      { value },
      props.children,
      (backend as MaybeProxyBackend)[proxyPath] !== undefined &&
        createElement('form', { id: formId, method: 'post', hidden: true }),
    );
  },
  { displayName: 'BillingProvider' },
);
