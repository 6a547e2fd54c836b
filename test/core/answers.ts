// Answers a server can give, and the BillingError each must become; shared by the backend tests.
import { HttpResponse } from 'msw';
import type { BillingErrorCode } from '../../src/core';

export interface ErrorAnswer {
  label: string;
  respond: () => Response;
  code: BillingErrorCode;
  status?: number;
  retryAfter?: number;
  /** The server's message, which the error must keep. */
  message?: string;
}

export const errorAnswers: ErrorAnswer[] = [
  {
    label: '401',
    respond: () => HttpResponse.json({ error: 'unauthorized', message: 'Invalid API key.' }, { status: 401 }),
    code: 'unauthorized',
    status: 401,
    message: 'Invalid API key.',
  },
  {
    label: '403',
    respond: () => HttpResponse.json({ error: 'forbidden', message: 'Not your tenant.' }, { status: 403 }),
    code: 'unauthorized',
    status: 403,
    message: 'Not your tenant.',
  },
  {
    label: '409 no_customer',
    respond: () =>
      HttpResponse.json(
        { error: 'no_customer', message: 'Run POST /me/billing/checkout-session first.' },
        { status: 409 },
      ),
    code: 'no_customer',
    status: 409,
    message: 'Run POST /me/billing/checkout-session first.',
  },
  {
    label: '400',
    respond: () =>
      HttpResponse.json({ error: 'invalid_request', message: 'successUrl must be https.' }, { status: 400 }),
    code: 'invalid_request',
    status: 400,
    message: 'successUrl must be https.',
  },
  {
    label: '422',
    respond: () =>
      HttpResponse.json({ error: 'invalid_tier', message: 'Unknown tier "gold".' }, { status: 422 }),
    code: 'invalid_request',
    status: 422,
    message: 'Unknown tier "gold".',
  },
  {
    label: '429 with Retry-After: 7',
    respond: () =>
      HttpResponse.json(
        { error: 'rate_limited', message: 'Too many requests.' },
        { status: 429, headers: { 'Retry-After': '7' } },
      ),
    code: 'rate_limited',
    status: 429,
    retryAfter: 7,
    message: 'Too many requests.',
  },
  {
    label: '500',
    respond: () => HttpResponse.json({ error: 'internal', message: 'Something broke.' }, { status: 500 }),
    code: 'upstream',
    status: 500,
    message: 'Something broke.',
  },
  {
    label: '503 with an HTML body',
    respond: () => HttpResponse.html('<h1>Service Unavailable</h1>', { status: 503 }),
    code: 'upstream',
    status: 503,
  },
  {
    label: 'a network failure',
    respond: () => HttpResponse.error(),
    code: 'network',
  },
  {
    label: 'a 200 that is not JSON',
    respond: () => HttpResponse.html('<html>Sign in</html>', { status: 200 }),
    code: 'invalid_response',
    status: 200,
  },
  {
    label: 'a 200 with no body',
    respond: () => new HttpResponse(null, { status: 200 }),
    code: 'invalid_response',
    status: 200,
  },
  {
    label: 'a 200 with the wrong shape',
    respond: () => HttpResponse.json({ hello: 'world' }),
    code: 'invalid_response',
  },
];
