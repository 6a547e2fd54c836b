/** Query parameters shared by the proxy (which writes them) and the React layer (which reads them). */

/** Added to a Checkout success URL, so the page knows the user just paid and confirms it. */
export const checkoutReturnParam = 'saiku_checkout';
/** Added by the proxy's no-JavaScript form routes when they send the browser back with an error code. */
export const returnedErrorParam = 'billing_error';
