/** Hosts a Checkout or Portal URL may point at by default. */
export const defaultAllowedRedirectHosts: readonly string[] = ['checkout.stripe.com', 'billing.stripe.com'];
