// A server-rendering host's billing page, where hosts put buttons: one in running text (a <p>), others
// inside the host's own form. The e2e test renders it with renderToString and, with JavaScript on,
// the browser hydrates the same tree (hydrateHostPage.ts).
import { createElement as h } from 'react';
import { BillingProvider, ManageButton, UpgradeButton } from '../../src';
import type { BillingState } from '../../src';

/** Where the host's own form posts: a request there means the host's form was submitted. */
export const hostFormAction = '/host-form-submitted';

export interface HostPageProps {
  state: BillingState;
  /** The demo's stand-in Checkout and Portal pages are on its own loopback host. */
  allowedRedirectHosts: readonly string[];
}

export function HostPage({ state, allowedRedirectHosts }: HostPageProps) {
  return h(
    BillingProvider,
    { initialState: state, allowedRedirectHosts, locale: 'en-US' },
    h('p', null, 'Forecasts come with the Team plan. ', h(UpgradeButton, { tier: 'team' }, 'Upgrade now')),
    h(
      'form',
      { action: hostFormAction, method: 'post', 'aria-label': 'Profile' },
      h('label', null, 'Display name ', h('input', { name: 'displayName', defaultValue: 'Ada' })),
      h(UpgradeButton, { tier: 'business' }, 'Choose Business'),
      h(ManageButton),
      h('button', { type: 'submit' }, 'Save profile'),
    ),
  );
}
