// Other tabs: a state one tab learns reaches the others on a BroadcastChannel, validated, with no
// request of their own. Two providers with their own QueryClients stand for two tabs; a small
// BroadcastChannel polyfill (same name, other instances, asynchronously) stands for the browser's.
import { act, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BillingProvider, PlanCard, type BillingEvent, type BillingProviderProps } from '../../src';
import { billingStateQueryKey, createProxyBackend } from '../../src/core';
import { activeState, freeState, trialingState } from './fixtures';
import { createTestQueryClient, proxyPath, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

/** Delivers each message to every other open channel of the same name, on a later task, as browsers do. */
class FakeBroadcastChannel extends EventTarget {
  static open = new Set<FakeBroadcastChannel>();
  static pending: Promise<void>[] = [];
  /** Resolves once every message posted so far has been delivered (or dropped by a closed channel). */
  static async delivered(): Promise<void> {
    while (FakeBroadcastChannel.pending.length > 0) await Promise.all(FakeBroadcastChannel.pending.splice(0));
  }
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(readonly name: string) {
    super();
    FakeBroadcastChannel.open.add(this);
  }
  postMessage(data: unknown): void {
    const copy: unknown = structuredClone(data);
    for (const other of FakeBroadcastChannel.open) {
      if (other === this || other.name !== this.name) continue;
      FakeBroadcastChannel.pending.push(
        new Promise((done) =>
          setTimeout(() => {
            if (FakeBroadcastChannel.open.has(other)) {
              const event = new MessageEvent('message', { data: copy });
              other.onmessage?.(event);
              other.dispatchEvent(event);
            }
            done();
          }, 0),
        ),
      );
    }
  }
  close(): void {
    FakeBroadcastChannel.open.delete(this);
  }
}

beforeEach(() => {
  vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
});
afterEach(() => {
  vi.unstubAllGlobals();
  FakeBroadcastChannel.open.clear();
  FakeBroadcastChannel.pending.length = 0;
});

type TabProps = Omit<BillingProviderProps, 'children'>;

/** Two tabs of the same app, side by side: each its own provider and QueryClient, named by a region. */
function renderTabs(a: TabProps = {}, b: TabProps = {}) {
  const clients = { a: createTestQueryClient(), b: createTestQueryClient() };
  const tab = (name: 'a' | 'b', props: TabProps) => (
    <section aria-label={`Tab ${name.toUpperCase()}`}>
      <BillingProvider
        backend={createProxyBackend({ baseUrl: proxyPath })}
        navigate={vi.fn()}
        queryClient={clients[name]}
        {...props}
      >
        <PlanCard />
      </BillingProvider>
    </section>
  );
  render(
    <>
      {tab('a', a)}
      {tab('b', b)}
    </>,
  );
  return {
    clients,
    tabA: () => within(screen.getByRole('region', { name: 'Tab A' })),
    tabB: () => within(screen.getByRole('region', { name: 'Tab B' })),
  };
}

async function bothLoaded(tabs: ReturnType<typeof renderTabs>, text: string): Promise<void> {
  await tabs.tabA().findByText(text);
  await tabs.tabB().findByText(text);
  await vi.waitFor(() => expect(tabs.clients.a.isFetching() + tabs.clients.b.isFetching()).toBe(0));
}

describe('syncTabs', () => {
  it('a state tab A fetches shows in tab B at once, with no request from B, and B reports state_changed', async () => {
    api.answer('state', freeState());
    const onEventB = vi.fn<(event: BillingEvent) => void>();
    const tabs = renderTabs({}, { onEvent: onEventB });
    await bothLoaded(tabs, 'Free');
    await act(() => FakeBroadcastChannel.delivered());
    const requests = api.count('state');
    // A third tab that only listens: it hears every message either tab posts from now on.
    const heard: unknown[] = [];
    const listener = new FakeBroadcastChannel('saiku-billing');
    listener.onmessage = (event) => heard.push(event.data);

    // The user paid in tab A, which learns the new state.
    const paid = trialingState();
    api.answer('state', paid);
    await act(() => tabs.clients.a.refetchQueries({ queryKey: billingStateQueryKey }));
    expect(await tabs.tabB().findByText('Team')).toBeInTheDocument();
    expect(tabs.tabA().getByText('Team')).toBeInTheDocument();
    expect(api.count('state')).toBe(requests + 1);
    expect(tabs.clients.b.isFetching()).toBe(0);
    expect(onEventB.mock.calls.map(([event]) => event)).toEqual([
      { type: 'state_changed', state: paid, previous: freeState() },
    ]);
    // B does not echo what it received (which would make every tab post again, or loop): the only
    // message on the channel is A's.
    await act(() => FakeBroadcastChannel.delivered());
    expect(heard).toEqual([{ state: paid }]);
    expect(api.count('state')).toBe(requests + 1);
    listener.close();
  });

  it('ignores malformed messages and other tenants, never showing them', async () => {
    const active = activeState();
    api.answer('state', active);
    const onEventA = vi.fn<(event: BillingEvent) => void>();
    const onEventB = vi.fn<(event: BillingEvent) => void>();
    const tabs = renderTabs({ onEvent: onEventA }, { onEvent: onEventB });
    await bothLoaded(tabs, 'Team');
    await act(() => FakeBroadcastChannel.delivered());
    const outsider = new FakeBroadcastChannel('saiku-billing');
    outsider.postMessage({ state: { ...freeState(), billedFeaturesActive: 'yes' } });
    outsider.postMessage({ state: { ...freeState(), tenantId: 'another-tenant' } });
    outsider.postMessage('hello');
    outsider.postMessage(null);

    // Then the same tenant's valid state, which is taken. Messages arrive in order, so once it shows,
    // every message before it has been handled: the page must have gone from Team to Free directly.
    const free = freeState();
    outsider.postMessage({ state: free });
    expect(await tabs.tabA().findByText('Free')).toBeInTheDocument();
    expect(await tabs.tabB().findByText('Free')).toBeInTheDocument();
    const wentStraightToFree = [{ type: 'state_changed', state: free, previous: active }];
    expect(onEventA.mock.calls.map(([event]) => event)).toEqual(wentStraightToFree);
    expect(onEventB.mock.calls.map(([event]) => event)).toEqual(wentStraightToFree);
    expect(api.count('state')).toBe(2);
    outsider.close();
  });

  it('syncTabs={false} neither posts nor listens', async () => {
    api.answer('state', freeState());
    const tabs = renderTabs({ syncTabs: false }, {});
    await bothLoaded(tabs, 'Free');
    api.answer('state', activeState());
    await act(() => tabs.clients.a.refetchQueries({ queryKey: billingStateQueryKey }));
    await tabs.tabA().findByText('Team');
    await act(() => FakeBroadcastChannel.delivered());
    expect(tabs.tabB().getByText('Free')).toBeInTheDocument();
    expect(FakeBroadcastChannel.open.size).toBe(1);
  });

  it('without BroadcastChannel nothing breaks: each tab keeps its own state', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    api.answer('state', freeState());
    const tabs = renderTabs();
    await bothLoaded(tabs, 'Free');
    api.answer('state', activeState());
    await act(() => tabs.clients.a.refetchQueries({ queryKey: billingStateQueryKey }));
    expect(await tabs.tabA().findByText('Team')).toBeInTheDocument();
    expect(tabs.tabB().getByText('Free')).toBeInTheDocument();
  });

  it('closes its channel when the provider unmounts', async () => {
    api.answer('state', freeState());
    function Toggle() {
      const [shown, setShown] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setShown(false)}>
            Leave
          </button>
          {shown ? (
            <BillingProvider
              backend={createProxyBackend({ baseUrl: proxyPath })}
              queryClient={createTestQueryClient()}
            >
              <PlanCard />
            </BillingProvider>
          ) : null}
        </>
      );
    }
    render(<Toggle />);
    await screen.findByText('Free');
    expect(FakeBroadcastChannel.open.size).toBe(1);
    act(() => screen.getByRole('button', { name: 'Leave' }).click());
    expect(FakeBroadcastChannel.open.size).toBe(0);
  });
});
