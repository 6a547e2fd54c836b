import { describe, expect, it } from 'vitest';
import { assertSafeRedirect, BillingError, defaultAllowedRedirectHosts } from '../../src/core';
import { isLoopbackHost } from '../../src/core/secureUrl';

function expectRefused(url: string, allowedHosts?: readonly string[]): void {
  let thrown: unknown;
  try {
    assertSafeRedirect(url, allowedHosts);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `${url} should be refused`).toBeInstanceOf(BillingError);
  expect((thrown as BillingError).code).toBe('unsafe_redirect');
}

describe('assertSafeRedirect', () => {
  it('allows Stripe Checkout and the Customer Portal by default', () => {
    expect(defaultAllowedRedirectHosts).toEqual(['checkout.stripe.com', 'billing.stripe.com']);
  });

  it.each([
    'https://checkout.stripe.com/c/pay/cs_test_a1b2c3',
    'https://billing.stripe.com/p/session/test_a1b2c3',
    'https://checkout.stripe.com/c/pay/cs_test_a1#fragment',
    'https://CHECKOUT.STRIPE.COM/c/pay/cs_test_a1',
  ])('lets %s through', (url) => {
    const parsed = assertSafeRedirect(url);
    expect(parsed).toBeInstanceOf(URL);
    expect(parsed.href).toBe(new URL(url).href);
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(document.cookie)'],
    ['a javascript: URL that names an allowed host', 'javascript://checkout.stripe.com/%0aalert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['http on an allowed, non-loopback host', 'http://checkout.stripe.com/c/pay/cs_test_a1'],
    ['another host', 'https://evil.test/c/pay/cs_test_a1'],
    ['a lookalike suffix host', 'https://checkout.stripe.com.evil.test/c/pay/cs_test_a1'],
    ['a lookalike prefix host', 'https://evilcheckout.stripe.com/c/pay/cs_test_a1'],
    ['a sibling subdomain', 'https://stripe.com/'],
    ['userinfo before another host', 'https://checkout.stripe.com@evil.test/'],
    ['userinfo on an allowed host', 'https://user:pass@checkout.stripe.com/c/pay/cs_test_a1'],
    ['a relative URL', '/c/pay/cs_test_a1'],
    ['a protocol-relative URL', '//checkout.stripe.com/c/pay/cs_test_a1'],
    ['an empty string', ''],
    ['http on a loopback host', 'http://127.0.0.1:5173/checkout/cs_1'],
  ])('refuses %s', (_label, url) => {
    expectRefused(url);
  });

  it('lets http on a loopback host through only when the list names it', () => {
    const url = 'http://127.0.0.1:5173/checkout/cs_1';
    expectRefused(url);
    expectRefused(url, ['checkout.stripe.com', 'localhost:5173']);
    expect(assertSafeRedirect(url, ['checkout.stripe.com', '127.0.0.1:5173']).href).toBe(url);
    // An entry without a port means the default port only.
    expectRefused(url, ['127.0.0.1']);
    expect(assertSafeRedirect('http://localhost:5173/portal', ['localhost:5173']).host).toBe(
      'localhost:5173',
    );
  });

  it.each([
    ['444', 'https://checkout.stripe.com:444/c/pay/cs_1'],
    ['0', 'https://checkout.stripe.com:0/c/pay/cs_1'],
    ['80', 'https://checkout.stripe.com:80/c/pay/cs_1'],
    ['8443', 'https://billing.stripe.com:8443/p/session/x'],
  ])('refuses a Stripe host on port %s: an entry without a port means the default port', (_port, url) => {
    expectRefused(url);
  });

  it('accepts the default port written out, and another port only when the entry names it', () => {
    expect(assertSafeRedirect('https://checkout.stripe.com:443/c/pay/cs_1').host).toBe('checkout.stripe.com');
    expect(assertSafeRedirect('https://pay.example.test:444/x', ['pay.example.test:444']).port).toBe('444');
    expectRefused('https://pay.example.test:445/x', ['pay.example.test:444']);
    expectRefused('https://pay.example.test/x', ['pay.example.test:444']);
  });

  it('never lets http through to a non-loopback host, even a listed one', () => {
    expectRefused('http://billing.example.test/portal', ['billing.example.test']);
  });

  it('follows a host the caller adds to the list', () => {
    expect(assertSafeRedirect('https://pay.example.test/x', ['pay.example.test']).hostname).toBe(
      'pay.example.test',
    );
    expectRefused('https://checkout.stripe.com/c/pay/cs_1', ['pay.example.test']);
  });

  it('matches list entries without regard to case', () => {
    expect(assertSafeRedirect('https://checkout.stripe.com/x', ['Checkout.Stripe.COM']).hostname).toBe(
      'checkout.stripe.com',
    );
  });

  it('refuses everything when the list is empty', () => {
    expectRefused('https://checkout.stripe.com/c/pay/cs_1', []);
  });

  it('names the refused host, never the full URL with its session token', () => {
    try {
      assertSafeRedirect('https://evil.test/steal?token=secret-session-token');
      expect.unreachable();
    } catch (error) {
      expect((error as BillingError).message).toContain('evil.test');
      expect((error as BillingError).message).not.toContain('secret-session-token');
    }
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['checkout.stripe.com', '10.0.0.1', '127.0.0.1.evil.test', 'localhost.evil.test', '0.0.0.0'])(
    '%s is not loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});
