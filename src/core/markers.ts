/** Query parameters shared by the proxy (which writes them) and the React layer (which reads them). */

/** Added to Checkout's success URL (`=success`) and cancel URL (`=canceled`), so the page knows how it went. */
export const checkoutReturnParam = 'saiku_checkout';
/** Added to the Portal's return URL (`=return`), so the page looks for what the user changed there. */
export const portalReturnParam = 'saiku_portal';
/** Added by the proxy's no-JavaScript form routes when they send the browser back with an error code. */
export const returnedErrorParam = 'billing_error';
