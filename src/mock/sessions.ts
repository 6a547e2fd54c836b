/** Checkout and Portal sessions: minting them, their status over time, and completing a Checkout. */
import { BillingError } from '../core/BillingError';
import type { CheckoutSession, CheckoutSessionInput, PortalSession } from '../core/types';
import type {
  SimulatedCheckoutSession,
  SimulatedPortalSession,
  SimulatorPageUrls,
  SimulatorRoute,
} from './BillingSimulator';
import { payCheckout, simulatorSchedule, type Tenant } from './lifecycle';
import { iso } from './time';
import { checkCheckoutBody, checkPortalBody } from './validateInput';

export interface CheckoutRecord {
  sessionId: string;
  url: string;
  apiKey: string;
  input: CheckoutSessionInput;
  createdAt: number;
  expiresAt: number;
  completedAt: number | null;
}

export interface PortalRecord {
  id: string;
  url: string;
  apiKey: string;
  returnUrl: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

/** What the sessions and the HTTP routes need from the simulator that holds the clock, the maps and the tenants. */
export interface SimulatorContext {
  readonly pages: SimulatorPageUrls;
  readonly webhookDelayMs: number;
  readonly checkouts: Map<string, CheckoutRecord>;
  readonly portals: Map<string, PortalRecord>;
  /** Requests per route, zeroed in place by `resetRequestCounts()`. */
  readonly counts: Record<SimulatorRoute, number>;
  clock(): number;
  /** A fresh session id with this prefix. */
  nextId(prefix: string): string;
  /** Runs a change on the key's tenant, settled to now before and after; tells listeners if its state changed. */
  mutate<T>(apiKey: string, change: (tenant: Tenant) => T): T;
}

/** The key's tenant, settled to now. */
export function tenantFor(context: SimulatorContext, apiKey: string): Tenant {
  return context.mutate(apiKey, (tenant) => tenant);
}

export function mintCheckout(context: SimulatorContext, input: unknown, apiKey: string): CheckoutSession {
  const valid = checkCheckoutBody(input);
  tenantFor(context, apiKey);
  const now = context.clock();
  const sessionId = context.nextId('cs_test_sim');
  const url = `${context.pages.checkout}/${sessionId}`;
  context.checkouts.set(sessionId, {
    sessionId,
    url,
    apiKey,
    input: valid,
    createdAt: now,
    expiresAt: now + simulatorSchedule.checkoutSessionTtlMs,
    completedAt: null,
  });
  return { url, sessionId };
}

export function mintPortal(context: SimulatorContext, input: unknown, apiKey: string): PortalSession {
  const valid = checkPortalBody(input);
  const tenant = tenantFor(context, apiKey);
  if (tenant.state.stripeCustomerId === null) {
    throw new BillingError(
      'no_customer',
      'This tenant has never completed Checkout, so there is no Stripe customer to manage. ' +
        'Create a checkout session first.',
      { status: 409 },
    );
  }
  const now = context.clock();
  const id = context.nextId('bps_test_sim');
  const url = `${context.pages.portal}/${id}`;
  context.portals.set(id, {
    id,
    url,
    apiKey,
    returnUrl: valid.returnUrl,
    createdAt: now,
    expiresAt: now + simulatorSchedule.portalSessionTtlMs,
    usedAt: null,
  });
  return { url };
}

export function checkoutStatus(record: CheckoutRecord, now: number): SimulatedCheckoutSession['status'] {
  if (record.completedAt !== null) return 'complete';
  return now >= record.expiresAt ? 'expired' : 'open';
}

export function portalStatus(record: PortalRecord, now: number): SimulatedPortalSession['status'] {
  if (record.usedAt !== null) return 'used';
  return now >= record.expiresAt ? 'expired' : 'open';
}

/** What "Pay" does; throws `BillingError` 404 for an unknown session, 410 for a completed or expired one. */
export function completeCheckout(context: SimulatorContext, sessionId: string): void {
  const record = context.checkouts.get(sessionId);
  if (!record)
    throw new BillingError('invalid_request', `No checkout session ${sessionId}.`, { status: 404 });
  const status = checkoutStatus(record, context.clock());
  if (status === 'complete') {
    throw new BillingError('invalid_request', `Checkout session ${sessionId} was already completed.`, {
      status: 410,
    });
  }
  if (status === 'expired') {
    throw new BillingError('invalid_request', `Checkout session ${sessionId} has expired.`, { status: 410 });
  }
  context.mutate(record.apiKey, (tenant) => {
    const at = context.clock();
    record.completedAt = at;
    payCheckout(tenant, record.input.tier, at, context.webhookDelayMs);
  });
}

export function describeCheckout(record: CheckoutRecord, now: number): SimulatedCheckoutSession {
  return {
    sessionId: record.sessionId,
    url: record.url,
    apiKey: record.apiKey,
    tier: record.input.tier,
    email: record.input.email ?? null,
    name: record.input.name ?? null,
    successUrl: record.input.successUrl,
    cancelUrl: record.input.cancelUrl,
    createdAt: iso(record.createdAt),
    expiresAt: iso(record.expiresAt),
    status: checkoutStatus(record, now),
  };
}

export function describePortal(record: PortalRecord, now: number): SimulatedPortalSession {
  return {
    id: record.id,
    url: record.url,
    apiKey: record.apiKey,
    returnUrl: record.returnUrl,
    createdAt: iso(record.createdAt),
    expiresAt: iso(record.expiresAt),
    status: portalStatus(record, now),
  };
}
