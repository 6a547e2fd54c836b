'use client';
/**
 * The page's side of the custom elements: every element of one `api-base` renders through one React tree
 * (a portal into each shadow root) under one `BillingProvider`, so they share one QueryClient (one state
 * request), one flow (each lifecycle event once) and one return from Stripe.
 */
import { QueryClient } from '@tanstack/react-query';
import { Component, useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createProxyBackend, type BillingBackend, type CheckoutSessionInput, type PlanInfo } from '../core';
import type { BillingEvent } from '../core/flow/BillingEvent';
import type { BillingLabelsInput } from '../labels/types';
import { BillingContext, useBillingContext } from '../react/BillingContext';
import { BillingProvider } from '../react/BillingProvider';

export interface BillingElementsOptions {
  /**
   * Sends the browser to a checked Checkout or Portal URL.
   * @default url => window.location.assign(url)
   */
  navigate?: (url: string) => void;
  /**
   * The backend for an `api-base`, for tests and hosts with their own transport.
   * @default createProxyBackend({ baseUrl: apiBase })
   */
  backend?: (apiBase: string) => BillingBackend;
  /** Share each fetched state with the app's other tabs. @default true */
  syncTabs?: boolean;
}

/** What the page reads from each of its elements. */
export interface PageMember {
  readonly key: string;
  readonly localName: string;
  readonly shadowRoot: ShadowRoot | null;
  readonly locale: string | null;
  readonly plans: readonly PlanInfo[] | undefined;
  readonly labels: BillingLabelsInput | undefined;
  readonly checkout: Partial<CheckoutSessionInput> | undefined;
  readonly allowedRedirectHosts: readonly string[];
  /** What the element shows, under the page's provider. */
  view(): ReactNode;
  dispatchEvent(event: Event): boolean;
}

export interface BillingPage {
  join(member: PageMember): void;
  leave(member: PageMember): void;
  /** Renders again (batched): an attribute or property changed. */
  update(): void;
}

/** One element's failure stays its own: the others on the page keep working. */
class Guard extends Component<{ name: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error(`[@saiku/billing-react] <${this.props.name}> failed to render:`, error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** The element's own `locale`, `labels`, `plans` and `checkout` over the page's provider. */
function Scoped({ member, children }: { member: PageMember; children: ReactNode }): ReactNode {
  const page = useBillingContext('saiku elements');
  const { locale, labels, plans, checkout } = member;
  const value = useMemo(
    () => ({
      ...page,
      locale: locale ?? page.locale,
      labels: labels ?? page.labels,
      plans: plans ?? page.plans,
      checkout: checkout ? { ...page.checkout, ...checkout } : page.checkout,
    }),
    [page, locale, labels, plans, checkout],
  );
  return <BillingContext.Provider value={value}>{children}</BillingContext.Provider>;
}

/** The same value as last time when it has not changed, so the provider's context stays put. */
function stable<T>(): (next: T) => T {
  let last: T | undefined;
  let lastKey = '';
  return (next) => {
    const key = JSON.stringify(next);
    if (last === undefined || key !== lastKey) [last, lastKey] = [next, key];
    return last;
  };
}

/** `onEmpty`: the last element left; the page is done (its cache goes with it). */
export function createBillingPage(
  apiBase: string,
  options: BillingElementsOptions,
  onEmpty: () => void,
): BillingPage {
  // Insertion order is connection order: events are dispatched on the first element still connected.
  const members = new Set<PageMember>();
  const queryClient = new QueryClient();
  const backend = options.backend?.(apiBase) ?? createProxyBackend({ baseUrl: apiBase });
  const sameCheckout = stable<Partial<CheckoutSessionInput>>();
  const sameHosts = stable<readonly string[]>();
  let root: Root | null = null;
  let scheduled = false;

  const onEvent = (event: BillingEvent) => {
    const [target] = members;
    (target ?? document).dispatchEvent(
      new CustomEvent('saiku-billing-event', { detail: event, bubbles: true, composed: true }),
    );
  };

  function render(): void {
    scheduled = false;
    const list = [...members];
    if (list.length === 0) {
      root?.unmount();
      root = null;
      onEmpty();
      return;
    }
    root ??= createRoot(document.createElement('div'));
    // One flow for the page: its Checkout defaults and allowed hosts are what its elements say together.
    const checkout = sameCheckout(Object.assign({}, ...list.map((member) => member.checkout)));
    const hosts = sameHosts([...new Set(list.flatMap((member) => member.allowedRedirectHosts))].sort());
    root.render(
      <BillingProvider
        backend={backend}
        queryClient={queryClient}
        navigate={options.navigate}
        checkout={checkout}
        allowedRedirectHosts={hosts}
        onEvent={onEvent}
        syncTabs={options.syncTabs}
      >
        {list.map((member) =>
          member.shadowRoot
            ? createPortal(
                <Guard name={member.localName}>
                  <Scoped member={member}>{member.view()}</Scoped>
                </Guard>,
                member.shadowRoot,
                member.key,
              )
            : null,
        )}
      </BillingProvider>,
    );
  }

  const update = () => {
    if (scheduled) return;
    scheduled = true;
    // Batched: the elements of a page connect one after another in one task; a moved element (leave, then
    // join) keeps its state.
    queueMicrotask(render);
  };

  return {
    join(member) {
      members.add(member);
      update();
    },
    leave(member) {
      members.delete(member);
      update();
    },
    update,
  };
}
