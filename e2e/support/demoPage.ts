// The demo's landmarks and the library's components, found the way a user finds them.
import type { Locator, Page } from 'playwright-core';

export function demoPage(page: Page) {
  // The demo wraps PlanCard (a section named "Your plan") in its own section headed "Your plan":
  // the library's is the one with the plan card's class.
  const planCard = page.locator('section.saiku-billing-plan-card');
  return {
    page,
    planCard,
    planName: planCard.locator('.saiku-billing-plan-card__name'),
    badge: planCard.locator('.saiku-billing-badge'),
    planDate: planCard.locator('.saiku-billing-plan-card__date'),
    trialDays: planCard.locator('.saiku-billing-plan-card__trial'),
    confirming: planCard.getByText('Confirming your subscription…'),
    upgrade: planCard.getByRole('button', { name: 'Upgrade', exact: true }),
    manage: planCard.getByRole('button', { name: 'Manage billing', exact: true }),
    banner: page.locator('.saiku-billing-banner'),
    feature: page.getByText('Forecast unlocked: revenue next quarter is up 12 %.'),
    lockedFeature: page.getByText('Forecasts are part of the Team plan.'),
    simulatorPanel: page.getByRole('complementary', { name: 'Billing simulator' }),
    /** Every error line the billing buttons can show (each is a live region, empty when all is well). */
    errorLines: page.locator('.saiku-billing-error'),
  };
}

export type DemoPage = ReturnType<typeof demoPage>;

/** Text of every error line the billing buttons show, empty ones dropped. */
export async function shownErrors(errorLines: Locator): Promise<string[]> {
  return (await errorLines.allTextContents()).map((text) => text.trim()).filter((text) => text !== '');
}
