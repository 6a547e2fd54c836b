import { describe, expect, it } from 'vitest';
import { BillingError, isBillingError, type BillingErrorCode } from '../../src/core';
import { billingErrorCodes, codeForStatus, isTransientCode } from '../../src/core/BillingError';

describe('BillingError', () => {
  it('is an Error named BillingError with its code and message', () => {
    const error = new BillingError('upstream', 'Saiku is down.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(BillingError);
    expect(error.name).toBe('BillingError');
    expect(error.code).toBe('upstream');
    expect(error.message).toBe('Saiku is down.');
    expect(String(error)).toBe('BillingError: Saiku is down.');
    expect(error.stack).toContain('Saiku is down.');
  });

  it('keeps status and retryAfter', () => {
    const error = new BillingError('rate_limited', 'Slow down.', { status: 429, retryAfter: 7 });
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(7);
  });

  it('leaves status and retryAfter undefined when not given', () => {
    const error = new BillingError('network', 'Offline.');
    expect(error.status).toBeUndefined();
    expect(error.retryAfter).toBeUndefined();
  });

  it('keeps the cause', () => {
    const cause = new TypeError('fetch failed');
    expect(new BillingError('network', 'Offline.', { cause }).cause).toBe(cause);
  });

  it('has no cause when none was given', () => {
    expect('cause' in new BillingError('network', 'Offline.')).toBe(false);
  });

  it('serialises to { name, code, message, status, retryAfter }', () => {
    const error = new BillingError('rate_limited', 'Slow down.', {
      status: 429,
      retryAfter: 7,
      cause: new Error('inner'),
    });
    expect(error.toJSON()).toEqual({
      name: 'BillingError',
      code: 'rate_limited',
      message: 'Slow down.',
      status: 429,
      retryAfter: 7,
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.toJSON());
  });

  it('leaves absent fields out of the JSON rather than writing undefined or null', () => {
    const json = new BillingError('timeout', 'Too slow.').toJSON();
    expect(json).toStrictEqual({ name: 'BillingError', code: 'timeout', message: 'Too slow.' });
    expect(JSON.stringify(new BillingError('timeout', 'Too slow.'))).toBe(
      '{"name":"BillingError","code":"timeout","message":"Too slow."}',
    );
  });

  const transient: Record<BillingErrorCode, boolean> = {
    unauthorized: false,
    no_customer: false,
    already_subscribed: false,
    invalid_request: false,
    rate_limited: true,
    upstream: true,
    network: true,
    timeout: true,
    invalid_response: false,
    unsafe_redirect: false,
  };

  it.each(Object.entries(transient) as [BillingErrorCode, boolean][])(
    'isTransient is %s → %s',
    (code, expected) => {
      expect(new BillingError(code, 'x').isTransient).toBe(expected);
      expect(isTransientCode(code)).toBe(expected);
    },
  );

  it('lists every code once in billingErrorCodes', () => {
    expect([...billingErrorCodes].sort()).toEqual(Object.keys(transient).sort());
  });
});

describe('isBillingError', () => {
  it('tells a BillingError from other values', () => {
    expect(isBillingError(new BillingError('network', 'x'))).toBe(true);
    expect(isBillingError(new Error('x'))).toBe(false);
    expect(isBillingError({ name: 'BillingError', code: 'network', message: 'x' })).toBe(false);
    expect(isBillingError(null)).toBe(false);
  });
});

describe('codeForStatus', () => {
  it.each<[number, BillingErrorCode]>([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'invalid_request'],
    [409, 'no_customer'],
    [422, 'invalid_request'],
    [429, 'rate_limited'],
    [500, 'upstream'],
    [502, 'upstream'],
    [503, 'upstream'],
    [504, 'upstream'],
  ])('maps %i to %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});
