// The paywall's open and closed state in the flow's store, without React: what usePaywall and
// <Paywall> subscribe to, and the events it reports once per opening and closing.
import { describe, expect, it, vi } from 'vitest';
import type { BillingBackend } from '../../../src/core';
import type { BillingEvent } from '../../../src/core/flow/BillingEvent';
import { createBillingFlow } from '../../../src/core/flow/billingFlow';
import { closePaywall, isPaywallOpen, mountPaywall, openPaywall } from '../../../src/core/flow/paywall';

function flowWithEvents() {
  const events: BillingEvent[] = [];
  const unused = () => Promise.reject(new Error('the paywall makes no request'));
  const backend: BillingBackend = {
    getState: unused,
    createCheckoutSession: unused,
    createPortalSession: unused,
  };
  const flow = createBillingFlow({
    backend,
    navigate: () => {},
    allowedRedirectHosts: [],
    checkout: {},
    portal: {},
    peekState: () => undefined,
    fetchState: unused,
    showState: () => {},
    onEvent: (event) => events.push(event),
    syncTabs: false,
  });
  const unmount = mountPaywall(flow);
  return { flow, events, unmount };
}

describe('the paywall in the flow', () => {
  it('is closed until opened, on the server snapshot too', () => {
    const { flow } = flowWithEvents();
    expect(isPaywallOpen(flow)).toBe(false);
    openPaywall(flow, { feature: 'forecasts' });
    expect(flow.getServerSnapshot().paywall ?? null).toBeNull();
  });

  it('opens for a requirement, tells subscribers, and reports paywall_opened once', () => {
    const { flow, events } = flowWithEvents();
    const listener = vi.fn();
    flow.subscribe(listener);
    openPaywall(flow, { feature: 'forecasts' });
    expect(flow.getSnapshot().paywall).toEqual({ requirement: { feature: 'forecasts' } });
    expect(listener).toHaveBeenCalledOnce();
    // Asked again while open: the new requirement shows, with no second event.
    openPaywall(flow, { tier: 'business' });
    expect(flow.getSnapshot().paywall).toEqual({ requirement: { tier: 'business' } });
    expect(events).toEqual([{ type: 'paywall_opened', requirement: { feature: 'forecasts' } }]);
  });

  it('opens with no requirement, and its event carries none', () => {
    const { flow, events } = flowWithEvents();
    openPaywall(flow);
    expect(isPaywallOpen(flow)).toBe(true);
    expect(events).toEqual([{ type: 'paywall_opened' }]);
  });

  it('closes once: paywall_closed for an open paywall, nothing for a closed one', () => {
    const { flow, events } = flowWithEvents();
    closePaywall(flow);
    expect(events).toEqual([]);
    openPaywall(flow, { tier: 'team' });
    closePaywall(flow);
    closePaywall(flow);
    expect(isPaywallOpen(flow)).toBe(false);
    expect(events.map((event) => event.type)).toEqual(['paywall_opened', 'paywall_closed']);
  });

  it.each([[{ feature: '' }], [{ tier: '' }], [{ feature: 'forecasts', tier: 'team' }], [{}]])(
    'refuses the malformed requirement %j with a TypeError, staying closed and silent',
    (requirement) => {
      const { flow, events } = flowWithEvents();
      expect(() => openPaywall(flow, requirement as never)).toThrow(TypeError);
      expect(isPaywallOpen(flow)).toBe(false);
      expect(events).toEqual([]);
    },
  );

  it('warns in development when opened with no paywall mounted', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { flow, unmount } = flowWithEvents();
    openPaywall(flow);
    expect(warn).not.toHaveBeenCalled();
    closePaywall(flow);
    unmount();
    openPaywall(flow);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no <Paywall />'));
  });
});
