// Server-rendered HTML hydrates in a browser whose language is not the server's: with no `locale`,
// both render in en-US, and the browser's language takes over once hydration is done.
import { act, screen } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BillingProvider, PlanCard, PricingTable, type BillingProviderProps } from '../../src';
import { createProxyBackend } from '../../src/core';
import { longDate, trialingState } from './fixtures';
import { seedPlans } from './plans';

afterEach(() => {
  document.body.innerHTML = '';
});

function page(props: Partial<BillingProviderProps>) {
  return (
    <BillingProvider
      backend={createProxyBackend({ fetch: vi.fn<typeof fetch>() })}
      initialState={state}
      plans={seedPlans}
      {...props}
    >
      <PlanCard />
      <PricingTable />
    </BillingProvider>
  );
}

const state = trialingState();
const trialEnd = state.trialEndsAt ?? '';

/** Renders `element` as a server would, then hydrates it in a browser speaking `language`. */
async function hydrateIn(language: string, element: React.ReactElement) {
  const html = renderToString(element);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(language);
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const recoverable = vi.fn();
  await act(async () => {
    hydrateRoot(container, element, { onRecoverableError: recoverable });
  });
  return { html, recoverable };
}

describe('server rendering in any browser language', () => {
  it('hydrates without a mismatch, then shows dates in the browser language', async () => {
    const { html, recoverable } = await hydrateIn('de-DE', page({}));
    expect(html).toContain(longDate(trialEnd, 'en-US'));
    expect(recoverable).not.toHaveBeenCalled();
    expect(await screen.findByText(`Trial ends on ${longDate(trialEnd, 'de-DE')}`)).toBeInTheDocument();
  });

  it('uses a given locale on both sides', async () => {
    const { html, recoverable } = await hydrateIn('en-US', page({ locale: 'ja-JP' }));
    expect(html).toContain(longDate(trialEnd, 'ja-JP'));
    expect(recoverable).not.toHaveBeenCalled();
    expect(screen.getByText(`Trial ends on ${longDate(trialEnd, 'ja-JP')}`)).toBeInTheDocument();
  });
});
