import { describe, expect, it } from 'vitest';
import { checkReturnUrlShape, maxReturnUrlLength } from '../../src/core/returnUrl';

describe('checkReturnUrlShape', () => {
  it.each([
    'https://app.acme.test/billing?x=1',
    'http://localhost:5173/',
    'http://127.0.0.1:8080/b',
    'http://[::1]:3000/',
  ])('accepts %s', (value) => {
    const checked = checkReturnUrlShape(value, 'returnUrl');
    expect('url' in checked && checked.url.href).toBe(new URL(value).href);
  });

  it.each([
    ['/billing', 'returnUrl must be an absolute URL.'],
    ['http://app.acme.test/', 'returnUrl must be an https URL (http only on a loopback host).'],
    ['javascript:alert(1)', 'returnUrl must be an https URL (http only on a loopback host).'],
    ['https://user:pw@app.acme.test/', 'returnUrl must not carry a user name or password.'],
    [
      `https://app.acme.test/${'a'.repeat(maxReturnUrlLength)}`,
      `returnUrl must be at most ${maxReturnUrlLength} characters.`,
    ],
  ])('refuses %s, saying why', (value, problem) => {
    expect(checkReturnUrlShape(value, 'returnUrl')).toEqual({ problem });
  });
});
