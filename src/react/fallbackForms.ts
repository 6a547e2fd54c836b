/** What each button submits without JavaScript: the provider's form, at a proxy form route, with its fields. */
import type { BillingBackend, CheckoutSessionInput, PortalSessionInput, Tier } from '../core';
import { proxyPath, type MaybeProxyBackend } from '../core/createProxyBackend';
import { withCancelMarker, withCheckoutMarker, withPortalMarker } from '../core/markers';

/** The provider's backend and the `id` of its one empty form (the context carries both). */
export interface ProviderForm {
  backend: BillingBackend;
  formId: string;
}

/**
 * The props that make a button submit the provider's form (`form`: its id) at a proxy form route
 * (`formAction`, the fields in its query). The form lives with the provider, not around the button, so
 * a button is valid inside a `<p>` or the host's own `<form>`; with one shared form, each button carries
 * its own fields in its action.
 */
export interface FallbackForm {
  type: 'submit';
  form: string;
  formAction: string;
}

function fallbackForm(
  { backend, formId }: ProviderForm,
  route: 'checkout' | 'portal',
  fields: Record<string, string | undefined>,
): FallbackForm | undefined {
  const path = (backend as MaybeProxyBackend)[proxyPath];
  const query = new URLSearchParams(
    Object.entries(fields).filter((field): field is [string, string] => !!field[1]),
  );
  return path === undefined
    ? undefined
    : { type: 'submit', form: formId, formAction: `${path}/${route}${`${query}` && `?${query}`}` };
}

/** The Checkout form for `tier`, or undefined for a backend without form routes. */
export function checkoutForm(
  form: ProviderForm,
  defaults: Partial<CheckoutSessionInput>,
  input: { tier?: Tier | undefined; successUrl?: string | undefined; cancelUrl?: string | undefined },
): FallbackForm | undefined {
  const successUrl = input.successUrl ?? defaults.successUrl;
  const cancelUrl = input.cancelUrl ?? defaults.cancelUrl;
  return fallbackForm(form, 'checkout', {
    tier: input.tier ?? defaults.tier,
    successUrl: successUrl ? withCheckoutMarker(successUrl) : undefined,
    cancelUrl: cancelUrl ? withCancelMarker(cancelUrl) : undefined,
  });
}

/** The Portal form, or undefined for a backend without form routes. */
export function portalForm(
  form: ProviderForm,
  defaults: Partial<PortalSessionInput>,
  returnUrl?: string,
): FallbackForm | undefined {
  const url = returnUrl ?? defaults.returnUrl;
  return fallbackForm(form, 'portal', { returnUrl: url ? withPortalMarker(url) : undefined });
}
