/** The stand-in Checkout and Portal pages: plain, accessible HTML forms with a strict CSP. */
import { describeBilling } from '../core/describeBilling';
import type { BillingDateKind } from '../core/describeBilling';
import { escapeHtml } from '../core/escapeHtml';
import { planNameFor } from '../core/tiers';
import type { BillingState, Tier } from '../core/types';

export { escapeHtml };

const styles = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 2rem 1rem; }
main { max-width: 28rem; margin: 0 auto; }
.test-mode { border: 1px dashed currentColor; border-radius: .5rem; padding: .5rem .75rem; font-size: .875rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
form { margin: 1rem 0; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
select, button { font: inherit; padding: .5rem .75rem; border-radius: .375rem; }
button { cursor: pointer; border: 1px solid currentColor; background: transparent; color: inherit; }
button.primary { background: #4f46e5; border-color: #4f46e5; color: #fff; }
:focus-visible { outline: 3px solid #4f46e5; outline-offset: 2px; }
.actions { display: flex; gap: .75rem; flex-wrap: wrap; }
.actions form { margin: 0; }
`;

let styleHash: Promise<string | null> | undefined;

/** The CSP source for the inline style: its sha256 where Web Crypto is available (secure contexts, Node). */
function styleSource(): Promise<string> {
  styleHash ??= (async () => {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return null;
    const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(styles)));
    let binary = '';
    for (const byte of digest) binary += String.fromCharCode(byte);
    return `'sha256-${btoa(binary)}'`;
  })().catch(() => null);
  return styleHash.then((hash) => hash ?? "'unsafe-inline'");
}

export interface PageResponseOptions {
  status?: number;
  /** Origins the page's forms post to or are redirected to (Chrome applies `form-action` to redirects too). */
  formOrigins: readonly string[];
  headers?: Record<string, string>;
}

export async function pageResponse(html: string, options: PageResponseOptions): Promise<Response> {
  const formAction = [...new Set(options.formOrigins)].join(' ') || "'none'";
  const csp = [
    "default-src 'none'",
    `style-src ${await styleSource()}`,
    `form-action ${formAction}`,
    "base-uri 'none'",
  ].join('; ');
  return new Response(html, {
    status: options.status ?? 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // The session id is in this page's URL: keep it out of the host's Referer logs.
      'Referrer-Policy': 'no-referrer',
      ...options.headers,
    },
  });
}

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Saiku billing simulator</title>
<style>${styles}</style>
</head>
<body>
<main>
<p class="test-mode">Test mode: this is the Saiku billing simulator, not Stripe. No card is charged.</p>
${body}
</main>
</body>
</html>
`;
}

function button(action: string, label: string, primary = false): string {
  const attributes = primary ? ' class="primary"' : '';
  return (
    `<form method="post" action="${escapeHtml(action)}">` +
    `<button type="submit"${attributes}>${escapeHtml(label)}</button></form>`
  );
}

function details(rows: readonly (readonly [string, string])[]): string {
  const items = rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`);
  return `<dl>\n${items.join('\n')}\n</dl>`;
}

export interface CheckoutPageModel {
  /** The URL this page's forms post to: the session URL, `{pages.checkout}/{sessionId}`. */
  actionBase: string;
  tier: Tier;
  email: string | null;
  name: string | null;
  /** True when completing starts a free trial. */
  trial: boolean;
  trialDays: number;
}

export function renderCheckoutPage(model: CheckoutPageModel): string {
  const plan = planNameFor(model.tier);
  const rows: [string, string][] = [
    ['Plan', plan],
    [
      'Terms',
      model.trial
        ? `${model.trialDays}-day free trial, then billed monthly`
        : 'Billed monthly, starting today',
    ],
  ];
  if (model.email !== null) rows.push(['Email', model.email]);
  if (model.name !== null) rows.push(['Name', model.name]);
  return document(
    `Checkout: ${plan}`,
    `<h1>Subscribe to ${escapeHtml(plan)}</h1>
${details(rows)}
<div class="actions">
${button(`${model.actionBase}/pay`, 'Pay', true)}
${button(`${model.actionBase}/cancel`, 'Cancel')}
</div>`,
  );
}

/** What the portal offers for the tenant's current state. */
export interface PortalActions {
  changePlan: boolean;
  updateCard: boolean;
  cancel: boolean;
  resume: boolean;
}

export interface PortalPageModel {
  /** The URL this page's forms post to: the session URL, `{pages.portal}/{portalSessionId}`. */
  actionBase: string;
  state: BillingState;
  now: Date;
  /** Canceled at period end, with access until `currentPeriodEnd`. */
  canceling: boolean;
  actions: PortalActions;
  tiers: readonly Tier[];
}

const statusNames: Record<string, string> = {
  '': 'No subscription',
  trialing: 'Trialing',
  active: 'Active',
  past_due: 'Past due',
  unpaid: 'Unpaid',
  canceled: 'Canceled',
};

const dateLabels: Record<BillingDateKind, string> = {
  renews: 'Renews on',
  trial_ends: 'Trial ends on',
  access_ends: 'Access ends on',
  access_ended: 'Access ended on',
  period_ends: 'Period ends on',
};

export function renderPortalPage(model: PortalPageModel): string {
  const { state, actions, actionBase } = model;
  const description = describeBilling(state, { now: model.now, locale: 'en-US' });
  const status = model.canceling
    ? 'Canceled at period end'
    : Object.hasOwn(statusNames, state.subscriptionStatus)
      ? (statusNames[state.subscriptionStatus] ?? state.subscriptionStatus)
      : state.subscriptionStatus;
  const rows: [string, string][] = [
    ['Plan', planNameFor(state.tier)],
    ['Status', status],
  ];
  if (description.date) rows.push([dateLabels[description.date.kind], description.date.formatted]);

  const parts: string[] = [`<h1>Manage your subscription</h1>`, details(rows)];
  if (actions.changePlan) {
    const options = model.tiers
      .map(
        (tier) =>
          `<option value="${escapeHtml(tier)}"${tier === state.tier ? ' selected' : ''}>` +
          `${escapeHtml(planNameFor(tier))}</option>`,
      )
      .join('');
    parts.push(
      `<form method="post" action="${escapeHtml(`${actionBase}/change-plan`)}">
<label for="tier">New plan</label>
<div class="actions"><select id="tier" name="tier">${options}</select><button type="submit">Change plan</button></div>
</form>`,
    );
  }
  const buttons: string[] = [];
  if (actions.updateCard) buttons.push(button(`${actionBase}/update-card`, 'Update card'));
  if (actions.cancel) buttons.push(button(`${actionBase}/cancel`, 'Cancel subscription'));
  if (actions.resume) buttons.push(button(`${actionBase}/resume`, 'Resume subscription', true));
  buttons.push(button(`${actionBase}/return`, 'Return'));
  parts.push(`<div class="actions">\n${buttons.join('\n')}\n</div>`);
  return document('Customer portal', parts.join('\n'));
}

export interface MessagePageModel {
  title: string;
  message: string;
  /** An optional way out, such as the host's cancel or return URL. */
  link?: { href: string; label: string };
}

/** An error or notice page: unknown, expired or used sessions, unavailable actions. */
export function renderMessagePage(model: MessagePageModel): string {
  const link = model.link
    ? `\n<p><a href="${escapeHtml(model.link.href)}">${escapeHtml(model.link.label)}</a></p>`
    : '';
  return document(
    model.title,
    `<h1>${escapeHtml(model.title)}</h1>\n<p>${escapeHtml(model.message)}</p>${link}`,
  );
}
