/** What a failed action or load says to the user, in English: the default of `labels.error`. */
import type { BillingError } from '../core/BillingError';

export function errorMessage(error: BillingError): string {
  switch (error.code) {
    case 'unauthorized':
      return 'You are not allowed to manage billing. Sign in again or ask an administrator.';
    case 'no_customer':
      return 'There is no subscription to manage yet.';
    case 'already_subscribed':
      return 'You already have a subscription. Change your plan in the billing portal.';
    case 'invalid_request':
      return `The billing request was refused: ${error.message}`;
    case 'rate_limited':
      return (
        'Too many billing requests. Try again' +
        `${error.retryAfter ? ` in ${error.retryAfter} seconds` : ' shortly'}.`
      );
    case 'upstream':
      return 'The billing service is having trouble. Try again shortly.';
    case 'network':
      return 'Could not reach the billing service. Check your connection and try again.';
    case 'timeout':
      return 'The billing service took too long to answer. Try again.';
    case 'invalid_response':
      return 'The billing service sent an answer this page cannot read.';
    case 'unsafe_redirect':
      return 'This page refused to open the billing link because it does not point at a trusted billing site.';
  }
}
