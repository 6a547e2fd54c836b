// Every BillingError code, as the user meets it: through the buttons and the plan card. And which
// failures are retried: only transient ones on the state query; never a session.
import { act, screen, waitFor } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManageButton, PlanCard, UpgradeButton } from '../../src';
import { createProxyBackend } from '../../src/core';
import { activeState, freeState } from './fixtures';
import {
  deferred,
  json,
  liveRegionOf,
  proxyPath,
  renderWithBilling,
  setupFakeBillingApi,
  type Answer,
} from './renderWithBilling';

const api = setupFakeBillingApi();
// Checkout is for a tenant without a subscription; tests of the state's own errors answer it themselves.
beforeEach(() => api.answer('state', freeState()));
afterEach(() => {
  vi.useRealTimers();
});

async function advance(ms: number): Promise<void> {
  // The return's code is loaded on demand: let it arrive before moving the clock.
  await vi.dynamicImportSettled();
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

interface ErrorCase {
  code: string;
  answer: Answer;
  /** What the user reads. */
  text: string;
}

const sessionErrors: ErrorCase[] = [
  {
    code: 'unauthorized (401)',
    answer: json({ error: 'unauthorized', message: 'Sign in first.' }, { status: 401 }),
    text: 'You are not allowed to manage billing. Sign in again or ask an administrator.',
  },
  {
    code: 'unauthorized (403)',
    answer: json({ error: 'forbidden' }, { status: 403 }),
    text: 'You are not allowed to manage billing. Sign in again or ask an administrator.',
  },
  {
    code: 'invalid_request (400)',
    answer: json({ error: 'invalid_request', message: 'successUrl must be https.' }, { status: 400 }),
    text: 'The billing request was refused: successUrl must be https.',
  },
  {
    code: 'rate_limited (429, Retry-After)',
    answer: json({ error: 'rate_limited' }, { status: 429, headers: { 'Retry-After': '30' } }),
    text: 'Too many billing requests. Try again in 30 seconds.',
  },
  {
    code: 'rate_limited (429, no Retry-After)',
    answer: json({ error: 'rate_limited' }, { status: 429 }),
    text: 'Too many billing requests. Try again shortly.',
  },
  {
    code: 'upstream (503)',
    answer: json({ error: 'upstream', message: 'Saiku is down.' }, { status: 503 }),
    text: 'The billing service is having trouble. Try again shortly.',
  },
  {
    code: 'upstream (502 without a body)',
    answer: () => new HttpResponse(null, { status: 502 }),
    text: 'The billing service is having trouble. Try again shortly.',
  },
  {
    code: 'network',
    answer: () => HttpResponse.error(),
    text: 'Could not reach the billing service. Check your connection and try again.',
  },
  {
    code: 'invalid_response (no url)',
    answer: json({ sessionId: 'cs_1', url: 42 }),
    text: 'The billing service sent an answer this page cannot read.',
  },
  {
    code: 'invalid_response (not JSON)',
    answer: () => HttpResponse.text('<html>Gateway</html>'),
    text: 'The billing service sent an answer this page cannot read.',
  },
];

describe('errors on a click', () => {
  it.each(sessionErrors)(
    'UpgradeButton shows $code to the user, without navigating or retrying',
    async ({ answer, text }) => {
      api.answer('checkout-session', answer);
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
      const button = screen.getByRole('button', { name: 'Upgrade' });

      await user.click(button);

      const message = await screen.findByText(text);
      expect(liveRegionOf(message)).not.toBeNull();
      expect(button).toHaveAccessibleDescription(text);
      expect(button).toHaveAttribute('data-state', 'error');
      expect(button).not.toHaveAttribute('aria-busy');
      expect(navigate).not.toHaveBeenCalled();
      expect(api.count('checkout-session')).toBe(1);
    },
  );

  it.each(sessionErrors)(
    'ManageButton shows $code to the user, without navigating',
    async ({ answer, text }) => {
      api.answer('portal-session', answer);
      const { user, navigate } = renderWithBilling(<ManageButton />);
      await user.click(screen.getByRole('button', { name: 'Manage billing' }));
      expect(liveRegionOf(await screen.findByText(text))).not.toBeNull();
      expect(navigate).not.toHaveBeenCalled();
      expect(api.count('portal-session')).toBe(1);
    },
  );

  it('shows a timeout when the proxy does not answer in time', async () => {
    const held = deferred(json({}));
    api.answer('checkout-session', held.answer);
    // AbortSignal.timeout runs on the real clock: a short limit keeps the test quick.
    const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />, {
      backend: createProxyBackend({ baseUrl: proxyPath, timeoutMs: 20 }),
      // The state is known, so the click's one request is the session that times out.
      initialState: freeState(),
    });
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    expect(
      liveRegionOf(await screen.findByText('The billing service took too long to answer. Try again.')),
    ).not.toBeNull();
    expect(navigate).not.toHaveBeenCalled();
    expect(api.count('checkout-session')).toBe(1);
    held.release();
  });

  it('never retries a session on its own, even a 503', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.answer('checkout-session', json({ error: 'upstream' }, { status: 503 }));
    const { user } = renderWithBilling(<UpgradeButton tier="team" />);
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    await screen.findByText('The billing service is having trouble. Try again shortly.');

    await advance(60_000);
    expect(api.count('checkout-session')).toBe(1);
  });

  it('reports each failure to the onError option as a BillingError', async () => {
    api.answer(
      'checkout-session',
      json({ error: 'rate_limited' }, { status: 429, headers: { 'Retry-After': '12' } }),
    );
    const onError = vi.fn();
    const { user } = renderWithBilling(<UpgradeButton tier="team" onError={onError} />);
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(onError).toHaveBeenCalledOnce());
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      name: 'BillingError',
      code: 'rate_limited',
      status: 429,
      retryAfter: 12,
    });
  });
});

describe('errors loading the state', () => {
  it.each([
    {
      code: 'unauthorized (401)',
      answer: json({ error: 'unauthorized' }, { status: 401 }),
      text: 'You are not allowed to manage billing. Sign in again or ask an administrator.',
    },
    {
      code: 'invalid_request (400)',
      answer: json({ error: 'invalid_request', message: 'Unknown tenant.' }, { status: 400 }),
      text: 'The billing request was refused: Unknown tenant.',
    },
    {
      code: 'invalid_response (a state without billedFeaturesActive)',
      answer: json({ ...activeState(), billedFeaturesActive: 'yes' }),
      text: 'The billing service sent an answer this page cannot read.',
    },
    {
      code: 'invalid_response (an empty body)',
      answer: () => new HttpResponse(null, { status: 200 }),
      text: 'The billing service sent an answer this page cannot read.',
    },
  ])('PlanCard shows $code at once and does not retry it', async ({ answer, text }) => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.answer('state', answer);
    renderWithBilling(<PlanCard />);

    const message = await screen.findByText(text);
    expect(liveRegionOf(message)).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();

    await advance(60_000);
    expect(api.count('state')).toBe(1);
  });

  it.each([
    {
      code: 'upstream (503)',
      answer: json({ error: 'upstream' }, { status: 503 }),
      text: 'The billing service is having trouble. Try again shortly.',
    },
    {
      code: 'network',
      answer: () => HttpResponse.error(),
      text: 'Could not reach the billing service. Check your connection and try again.',
    },
  ])('retries $code after 1 s, 2 s and 4 s, then shows it', async ({ answer, text }) => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.answer('state', answer);
    renderWithBilling(<PlanCard />);
    await vi.waitFor(() => expect(api.count('state')).toBe(1), { interval: 5 });

    // Retries fall due 1 s, 3 s and 7 s after the first failure; checks sit 300 ms either side,
    // a margin for the real time that shouldAdvanceTime lets through.
    let elapsed = 0;
    const advanceTo = (t: number) => {
      const step = t - elapsed;
      elapsed = t;
      return advance(step);
    };
    for (const [due, count] of [
      [1_000, 2],
      [3_000, 3],
      [7_000, 4],
    ] as const) {
      await advanceTo(due - 300);
      expect(api.count('state')).toBe(count - 1);
      // Still loading as far as the user can tell: no error between retries.
      expect(screen.getByText('Loading your plan…')).toBeInTheDocument();
      await advanceTo(due + 300);
      await vi.waitFor(() => expect(api.count('state')).toBe(count), { interval: 5 });
    }

    expect(await screen.findByText(text)).toBeInTheDocument();
    await advance(60_000);
    expect(api.count('state')).toBe(4);
  });

  it('recovers when a retry succeeds, and the user never sees the failure', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.answerInTurn('state', json({ error: 'upstream' }, { status: 503 }), json(activeState()));
    renderWithBilling(<PlanCard />);
    await vi.waitFor(() => expect(api.count('state')).toBe(1), { interval: 5 });
    await advance(1_100);
    expect(await screen.findByText('Team')).toBeInTheDocument();
    expect(screen.queryByText(/having trouble/)).not.toBeInTheDocument();
    expect(api.count('state')).toBe(2);
  });

  it('waits as long as Retry-After says on a 429, then shows it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.answer('state', json({ error: 'rate_limited' }, { status: 429, headers: { 'Retry-After': '5' } }));
    renderWithBilling(<PlanCard />);
    await vi.waitFor(() => expect(api.count('state')).toBe(1), { interval: 5 });

    await advance(4_500);
    expect(api.count('state')).toBe(1);
    await advance(1_000);
    await vi.waitFor(() => expect(api.count('state')).toBe(2), { interval: 5 });

    await advance(12_000);
    expect(await screen.findByText('Too many billing requests. Try again in 5 seconds.')).toBeInTheDocument();
    expect(api.count('state')).toBe(4);
  });

  it('keeps the last good state on screen when a background refetch fails', async () => {
    api.answerInTurn('state', json(activeState()), json({ error: 'unauthorized' }, { status: 401 }));
    const { queryClient } = renderWithBilling(<PlanCard />);
    await screen.findByText('Team');

    await act(() => queryClient.refetchQueries());
    expect(api.count('state')).toBe(2);
    expect(screen.getByText('Team')).toBeInTheDocument();
    expect(screen.queryByText(/not allowed/)).not.toBeInTheDocument();
  });
});
