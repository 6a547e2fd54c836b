// useAccess and BillingGate's feature and tier: the one access rule (canAccess) over the provider's plans.
import { renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BillingGate, BillingProvider, useAccess, type AccessRequirement } from '../../src';
import { createProxyBackend } from '../../src/core';
import { activeState, freeState, teamState, unpaidState } from './fixtures';
import { entitledPlans, seedPlans } from './plans';
import {
  createTestQueryClient,
  deferred,
  json,
  proxyPath,
  renderWithBilling,
  setupFakeBillingApi,
} from './renderWithBilling';

const api = setupFakeBillingApi();

function renderAccess(requirement?: AccessRequirement, plans = entitledPlans) {
  const queryClient = createTestQueryClient();
  const backend = createProxyBackend({ baseUrl: proxyPath });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <BillingProvider backend={backend} queryClient={queryClient} plans={plans}>
      {children}
    </BillingProvider>
  );
  return renderHook(() => useAccess(requirement), { wrapper });
}

const tiers = (plans: readonly { tier: string }[]) => plans.map((plan) => plan.tier);

describe('useAccess', () => {
  it('is undefined and loading until the state arrives, then tells whether the plan grants the feature', async () => {
    const held = deferred(json(activeState()));
    api.answer('state', held.answer);
    const { result } = renderAccess({ feature: 'forecasts' });
    expect(result.current).toMatchObject({ allowed: undefined, isLoading: true });
    expect(tiers(result.current.plans)).toEqual(['team', 'business', 'enterprise']);
    held.release();
    await waitFor(() => expect(result.current).toMatchObject({ allowed: true, isLoading: false }));
  });

  it('refuses a feature the tenant’s plan does not list, and names the plans that would grant it', async () => {
    api.answer('state', activeState());
    const { result } = renderAccess({ feature: 'sso' });
    await waitFor(() => expect(result.current.allowed).toBe(false));
    expect(tiers(result.current.plans)).toEqual(['business', 'enterprise']);
  });

  it('grants a tier at or above the one required, in the plans’ order', async () => {
    api.answer('state', teamState('active', { tier: 'business' }));
    const atTeam = renderAccess({ tier: 'team' });
    const atEnterprise = renderAccess({ tier: 'enterprise' });
    await waitFor(() => expect(atTeam.result.current.allowed).toBe(true));
    await waitFor(() => expect(atEnterprise.result.current.allowed).toBe(false));
    expect(tiers(atTeam.result.current.plans)).toEqual(['team', 'business', 'enterprise']);
  });

  it('refuses everything while billed features are off, whatever the tier', async () => {
    api.answer('state', unpaidState());
    const { result } = renderAccess({ feature: 'forecasts' });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.allowed).toBe(false);
  });

  it('with no requirement follows billedFeaturesActive, and offers every paid plan', async () => {
    api.answer('state', freeState());
    const { result } = renderAccess();
    await waitFor(() => expect(result.current.allowed).toBe(false));
    expect(tiers(result.current.plans)).toEqual(['team', 'business', 'enterprise']);
  });

  it('stays undefined (not true) when the state cannot be loaded, with the error', async () => {
    api.answer('state', json({ error: 'unauthorized' }, { status: 401 }));
    const { result } = renderAccess({ feature: 'forecasts' });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.allowed).toBeUndefined();
    expect(result.current).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('throws a TypeError for a malformed requirement', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderAccess({ feature: '' })).toThrow(TypeError);
  });

  it('warns in development when a feature is asked of plans that list no entitlements', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    api.answer('state', activeState());
    const { result } = renderAccess({ feature: 'forecasts' }, seedPlans);
    await waitFor(() => expect(result.current.allowed).toBe(false));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('entitlements'));
  });
});

describe('BillingGate feature and tier', () => {
  const gate = (props: { feature?: string; tier?: string }) => (
    <BillingGate {...props} fallback={<p>Locked</p>} loading={<p>Checking…</p>}>
      <p>Unlocked</p>
    </BillingGate>
  );

  it.each([
    ['a feature the Team plan lists', 'Unlocked', { feature: 'forecasts' }],
    ['a feature only Business lists', 'Locked', { feature: 'sso' }],
    ['a feature no plan lists', 'Locked', { feature: 'time-travel' }],
    ['the Team tier', 'Unlocked', { tier: 'team' }],
    ['the Business tier', 'Locked', { tier: 'business' }],
    ['no requirement', 'Unlocked', {}],
  ])('on an active Team plan, %s: %s', async (_label, shown, props) => {
    api.answer('state', activeState());
    renderWithBilling(gate(props), { plans: entitledPlans });
    expect(screen.getByText('Checking…')).toBeInTheDocument();
    expect(await screen.findByText(shown)).toBeInTheDocument();
    expect(screen.queryByText(shown === 'Locked' ? 'Unlocked' : 'Locked')).not.toBeInTheDocument();
  });

  it('keeps a free tenant out of a feature', async () => {
    api.answer('state', freeState());
    renderWithBilling(gate({ feature: 'forecasts' }), { plans: entitledPlans });
    expect(await screen.findByText('Locked')).toBeInTheDocument();
  });

  it('refuses feature and tier together with a TypeError', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderWithBilling(gate({ feature: 'forecasts', tier: 'team' }))).toThrow(
      /takes feature or tier, not both/,
    );
  });
});
