/** The proxy's no-JavaScript form routes, and the fields each one takes. */
import type { BillingBackend, CheckoutSessionInput, PortalSessionInput, Tier } from '../core';
import { withCancelMarker, withCheckoutMarker, withPortalMarker } from '../core/markers';

/** A form the proxy answers with `303 See Other` to a Stripe URL. */
export interface FallbackForm {
  action: string;
  fields: Record<string, string | undefined>;
}

/** The Checkout form for `tier`, or null for a backend without form routes. */
export function checkoutForm(
  backend: BillingBackend,
  defaults: Partial<CheckoutSessionInput>,
  input: { tier?: Tier | undefined; successUrl?: string | undefined; cancelUrl?: string | undefined },
): FallbackForm | null {
  if (!backend.formsUrl) return null;
  const successUrl = input.successUrl ?? defaults.successUrl;
  const cancelUrl = input.cancelUrl ?? defaults.cancelUrl;
  return {
    action: `${backend.formsUrl}/checkout`,
    fields: {
      tier: input.tier ?? defaults.tier,
      successUrl: successUrl ? withCheckoutMarker(successUrl) : undefined,
      cancelUrl: cancelUrl ? withCancelMarker(cancelUrl) : undefined,
    },
  };
}

/** The Portal form, or null for a backend without form routes. */
export function portalForm(
  backend: BillingBackend,
  defaults: Partial<PortalSessionInput>,
  returnUrl?: string,
): FallbackForm | null {
  if (!backend.formsUrl) return null;
  const url = returnUrl ?? defaults.returnUrl;
  return {
    action: `${backend.formsUrl}/portal`,
    fields: { returnUrl: url ? withPortalMarker(url) : undefined },
  };
}
