// Steps the play functions share: find what a user sees, by role and name, as Testing Library reads it.
import { expect, waitFor, within } from 'storybook/test';
import type { BillingSimulator } from '../../src/mock';
import { navigate } from './navigate';
import { requests, retriesSettleMs } from './network';

/** The plan card, once the state has loaded (it is a region named "Your plan"). */
export async function findPlanCard(canvasElement: HTMLElement, name = 'Your plan'): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  // The card is a region named by its label; a host may wrap it in a section of the same name.
  const card = (await canvas.findAllByRole('region', { name })).find((region) =>
    region.matches('.saiku-billing-plan-card'),
  );
  if (!card) throw new Error(`No plan card (a region named "${name}").`);
  await waitFor(() => expect(card).toHaveAttribute('data-state', 'ready'));
  return card;
}

/** The card shows this plan and this status badge (none: the Free plan's name says it all). */
export async function expectPlan(
  canvasElement: HTMLElement,
  plan: string,
  badge: string | null,
  cardName?: string,
): Promise<HTMLElement> {
  const card = await findPlanCard(canvasElement, cardName);
  await expect(within(card).getByText(plan, { selector: '.saiku-billing-plan-card__name' })).toBeVisible();
  if (badge === null) await expect(card.querySelector('.saiku-billing-badge')).toBeNull();
  else await expect(within(card).getByText(badge, { selector: '.saiku-billing-badge' })).toBeVisible();
  return card;
}

/** The card's error after a failed load, with a retry button. Transient failures take their retries first. */
export async function expectLoadError(
  canvasElement: HTMLElement,
  message: RegExp,
  options: { retried?: boolean } = {},
) {
  const canvas = within(canvasElement);
  // A page may show it twice (the plan card and the pricing table share the one state request).
  const statuses = await canvas.findAllByText(
    message,
    {},
    { timeout: options.retried ? retriesSettleMs : 1000 },
  );
  for (const status of statuses) await expect(status).toBeVisible();
  for (const retry of canvas.getAllByRole('button', { name: 'Try again' })) await expect(retry).toBeVisible();
  // One request and three retries for a transient failure; a 4xx or a bad body is never retried.
  await expect(requests.state).toHaveBeenCalledTimes(options.retried ? 4 : 1);
}

/** The user was sent to exactly one URL, the one given (or any, when none is given). */
export async function expectNavigatedOnceTo(url?: string | RegExp): Promise<void> {
  await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
  if (typeof url === 'string') await expect(navigate).toHaveBeenCalledWith(url);
  else if (url) await expect(navigate.mock.calls[0]?.[0]).toMatch(url);
}

/** The user was sent, once, to the one Checkout session the simulator minted. */
export async function expectSentToCheckout(simulator: BillingSimulator): Promise<void> {
  await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
  const minted = simulator.listCheckoutSessions();
  await expect(minted).toHaveLength(1);
  await expect(navigate).toHaveBeenCalledWith(minted[0]?.url);
}

/** The user was sent, once, to the one Customer Portal session the simulator minted. */
export async function expectSentToPortal(simulator: BillingSimulator): Promise<void> {
  await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
  const minted = simulator.listPortalSessions();
  await expect(minted).toHaveLength(1);
  await expect(navigate).toHaveBeenCalledWith(minted[0]?.url);
}

/** A pending state request, until the library has asked (and re-asked) the proxy `times` times. */
export async function waitForStateRequests(times: number, timeout = retriesSettleMs): Promise<void> {
  await waitFor(() => expect(requests.state).toHaveBeenCalledTimes(times), { timeout });
}
