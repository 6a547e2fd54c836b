import { describe, expect, it } from 'vitest';
import {
  clearReturnMarkers,
  currentPageUrl,
  stripReturnMarkers,
  withCheckoutMarker,
  withReturnedError,
} from '../../src/core/markers';

describe('return markers', () => {
  it('adds the Checkout marker, keeping the page’s own query and fragment', () => {
    expect(withCheckoutMarker('https://app.acme.com/billing?tab=plans#top')).toBe(
      'https://app.acme.com/billing?tab=plans&saiku_checkout=success#top',
    );
    expect(withCheckoutMarker('https://app.acme.com/?saiku_checkout=other')).toBe(
      'https://app.acme.com/?saiku_checkout=success',
    );
    expect(withCheckoutMarker('/relative')).toBe('/relative');
  });

  it('adds the error code a form route returns with', () => {
    expect(withReturnedError('https://app.acme.com/billing?tab=1', 'no_customer')).toBe(
      'https://app.acme.com/billing?tab=1&billing_error=no_customer',
    );
  });

  it('strips both markers and says whether there were any', () => {
    const url = new URL('https://app.acme.com/b?saiku_checkout=success&tab=1&billing_error=no_customer');
    expect(stripReturnMarkers(url)).toBe(true);
    expect(url.href).toBe('https://app.acme.com/b?tab=1');
    expect(stripReturnMarkers(url)).toBe(false);
    expect(url.href).toBe('https://app.acme.com/b?tab=1');
  });
});

// Server rendering and route handlers call these with no window: no default URL, nothing to clear, no throw.
describe('without a window (on the server)', () => {
  it('has no current page URL and clears nothing', () => {
    expect(typeof window).toBe('undefined');
    expect(currentPageUrl()).toBeUndefined();
    expect(() => clearReturnMarkers()).not.toThrow();
  });
});
