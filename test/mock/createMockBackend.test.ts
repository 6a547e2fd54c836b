import { afterEach, describe, expect, it, vi } from 'vitest';
import { BillingError } from '../../src/core';
import { createMockBackend } from '../../src/mock';
import { checkoutInput, portalInput, simulatorAt } from './support';

afterEach(() => {
  vi.useRealTimers();
});

describe('createMockBackend', () => {
  it('reads the default tenant, as a copy', async () => {
    const simulator = simulatorAt({ scenario: 'active' });
    const backend = createMockBackend(simulator);
    const state = await backend.getState();
    expect(state).toEqual(simulator.getState());
    state.tier = 'changed';
    expect(simulator.getState().tier).toBe('team');
    expect(simulator.requestCounts().state).toBe(1);
  });

  it('walks the checkout: session, Pay, webhook', async () => {
    const simulator = simulatorAt();
    const backend = createMockBackend(simulator);
    const session = await backend.createCheckoutSession(checkoutInput);
    expect(session.url).toBe(`${simulator.pages.checkout}/${session.sessionId}`);
    simulator.completeCheckout(session.sessionId);
    expect((await backend.getState()).billedFeaturesActive).toBe(false);
    simulator.advance(simulator.webhookDelayMs);
    expect(await backend.getState()).toMatchObject({
      subscriptionStatus: 'trialing',
      billedFeaturesActive: true,
    });
    expect(await backend.createPortalSession(portalInput)).toEqual({
      url: expect.stringMatching(/^https:\/\/billing\.stripe\.com\/p\/session\//),
    });
  });

  it('rejects with no_customer (409) where the API would', async () => {
    const backend = createMockBackend(simulatorAt());
    const error = await backend.createPortalSession(portalInput).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingError);
    expect(error).toMatchObject({ code: 'no_customer', status: 409 });
  });

  it('rejects invalid input with invalid_request (400), as the API would', async () => {
    const backend = createMockBackend(simulatorAt());
    await expect(backend.createCheckoutSession({ ...checkoutInput, tier: 'gold' })).rejects.toMatchObject({
      code: 'invalid_request',
      status: 400,
      message: expect.stringContaining('Unknown tier'),
    });
    await expect(
      backend.createCheckoutSession({ ...checkoutInput, successUrl: 'http://evil.test/' }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(backend.createPortalSession({ returnUrl: 'nope' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('honours an aborted signal', async () => {
    const backend = createMockBackend(simulatorAt());
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(backend.getState({ signal: controller.signal })).rejects.toThrow('gone');
  });

  it('sends nothing for a call cancelled in the same tick (StrictMode remount), as an aborted fetch', async () => {
    const simulator = simulatorAt();
    const backend = createMockBackend(simulator);
    const controller = new AbortController();
    const cancelled = backend.getState({ signal: controller.signal });
    controller.abort(new Error('remounted'));
    await expect(cancelled).rejects.toThrow('remounted');
    expect(simulator.requestCounts().state).toBe(0);
  });

  it('answers after latencyMs, and stops waiting when aborted', async () => {
    vi.useFakeTimers();
    const backend = createMockBackend(simulatorAt(), { latencyMs: 300 });
    const settled = vi.fn();
    const pending = backend.getState().then(settled);
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(settled).toHaveBeenCalledWith(expect.objectContaining({ subscriptionStatus: '' }));

    const controller = new AbortController();
    const aborted = backend.getState({ signal: controller.signal });
    controller.abort(new Error('unmounted'));
    await expect(aborted).rejects.toThrow('unmounted');
  });
});
