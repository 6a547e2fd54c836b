/** The simulator's HTTP face: Saiku's `/me/billing/…` routes and the stand-in Checkout and Portal pages. */
import { BillingError } from '../core/BillingError';
import type { SimulatorRoute } from './BillingSimulator';
import { simulatorSchedule } from './lifecycle';
import { pageResponse, renderCheckoutPage, renderPortalPage } from './pages';
import { cancel, changePlan, portalActions, resume, updateCard } from './portalActions';
import {
  bearerKey,
  json,
  jsonError,
  message,
  methodNotAllowed,
  notFound,
  originOf,
  readBody,
  readJsonBody,
  redirect,
  type PageLink,
} from './replies';
import {
  checkoutStatus,
  completeCheckout,
  mintCheckout,
  mintPortal,
  portalStatus,
  tenantFor,
  type SimulatorContext,
} from './sessions';
import { knownTiers } from '../core/tiers';

/** Answers one request; never throws (a bad URL in `fetch`'s arguments is the caller's, and rejects before this). */
export async function routeRequest(context: SimulatorContext, request: Request): Promise<Response> {
  try {
    return await route(context, request);
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * The one place an error becomes a response: a `BillingError` answers with its status and code (as a
 * page, with a way back, where a person is looking at one), anything else is the simulator's own 500.
 */
function errorResponse(error: unknown, page?: PageLink): Response | Promise<Response> {
  if (!(error instanceof BillingError)) {
    return jsonError(500, 'internal_error', `The billing simulator failed: ${String(error)}`);
  }
  if (page) return message(error.status ?? 400, 'That did not work', error.message, page);
  return jsonError(error.status ?? 400, error.code, error.message);
}

async function route(context: SimulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.replace(/\/+$/, '');
  const api = /\/me\/billing\/(state|checkout-session|portal-session)$/.exec(path);
  if (api) return handleApi(context, api[1] ?? '', request);
  const checkout = /\/(?:checkout|c\/pay)\/([A-Za-z0-9_]+)(?:\/(pay|cancel))?$/.exec(path);
  if (checkout) return handleCheckoutPage(context, checkout[1] ?? '', checkout[2] ?? null, request);
  const portal =
    /\/(?:portal|p\/session)\/([A-Za-z0-9_]+)(?:\/(change-plan|update-card|cancel|resume|return))?$/.exec(
      path,
    );
  if (portal) return handlePortalPage(context, portal[1] ?? '', portal[2] ?? null, request);
  return jsonError(404, 'not_found', `The billing simulator has no route ${path || '/'}.`);
}

async function handleApi(context: SimulatorContext, route: string, request: Request): Promise<Response> {
  const name: SimulatorRoute =
    route === 'state' ? 'state' : route === 'checkout-session' ? 'checkoutSession' : 'portalSession';
  context.counts[name] += 1;
  const method = name === 'state' ? 'GET' : 'POST';
  if (request.method !== method) {
    return jsonError(405, 'method_not_allowed', `Use ${method} for /me/billing/${route}.`, { Allow: method });
  }
  const apiKey = bearerKey(request);
  if (apiKey === null) {
    return jsonError(401, 'unauthorized', 'Send your Saiku API key as "Authorization: Bearer <key>".', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  if (name === 'state') return json(context.mutate(apiKey, (tenant) => ({ ...tenant.state })));
  const body = await readJsonBody(request);
  const minted =
    name === 'checkoutSession' ? mintCheckout(context, body, apiKey) : mintPortal(context, body, apiKey);
  return json(minted);
}

async function handleCheckoutPage(
  context: SimulatorContext,
  sessionId: string,
  action: string | null,
  request: Request,
): Promise<Response> {
  context.counts[action === null ? 'checkoutPage' : 'checkoutAction'] += 1;
  const expected = action === null ? 'GET' : 'POST';
  if (request.method !== expected) return methodNotAllowed(expected);
  const record = context.checkouts.get(sessionId);
  if (!record) return notFound('checkout');
  const back = { href: record.input.cancelUrl, label: 'Return to the app' };
  if (action === 'cancel') return redirect(record.input.cancelUrl);
  const status = checkoutStatus(record, context.clock());
  if (status === 'expired') {
    return message(
      410,
      'This checkout session has expired',
      'Checkout links work for 30 minutes. Start again from the app.',
      back,
    );
  }
  if (status === 'complete') {
    return message(
      410,
      'This checkout session is complete',
      'It was already paid: each checkout link works once.',
      {
        href: record.input.successUrl,
        label: 'Return to the app',
      },
    );
  }
  if (action === 'pay') {
    completeCheckout(context, sessionId);
    return redirect(record.input.successUrl);
  }
  const tenant = tenantFor(context, record.apiKey);
  const html = renderCheckoutPage({
    actionBase: record.url,
    tier: record.input.tier,
    email: record.input.email ?? null,
    name: record.input.name ?? null,
    trial: !tenant.hadTrial,
    trialDays: simulatorSchedule.trialDays,
  });
  return pageResponse(html, {
    formOrigins: [originOf(record.url), originOf(record.input.successUrl), originOf(record.input.cancelUrl)],
  });
}

async function handlePortalPage(
  context: SimulatorContext,
  id: string,
  action: string | null,
  request: Request,
): Promise<Response> {
  context.counts[action === null ? 'portalPage' : 'portalAction'] += 1;
  const expected = action === null ? 'GET' : 'POST';
  if (request.method !== expected) return methodNotAllowed(expected);
  const record = context.portals.get(id);
  if (!record) return notFound('portal');
  const back = { href: record.returnUrl, label: 'Return to the app' };
  const status = portalStatus(record, context.clock());
  if (status === 'expired') {
    return message(
      410,
      'This portal session has expired',
      'Portal links work for 30 minutes. Open the portal again from the app.',
      back,
    );
  }
  if (status === 'used') {
    return message(
      410,
      'This portal session has ended',
      'Each portal link works once. Open the portal again from the app.',
      back,
    );
  }
  if (action === null) {
    const tenant = tenantFor(context, record.apiKey);
    const html = renderPortalPage({
      actionBase: record.url,
      state: tenant.state,
      now: new Date(context.clock()),
      canceling: tenant.canceledFrom !== null,
      actions: portalActions(tenant),
      tiers: knownTiers,
    });
    return pageResponse(html, { formOrigins: [originOf(record.url), originOf(record.returnUrl)] });
  }
  const form = new URLSearchParams(await readBody(request));
  try {
    context.mutate(record.apiKey, (tenant) => {
      if (action === 'change-plan') changePlan(tenant, form.get('tier') ?? '');
      else if (action === 'update-card') updateCard(tenant, context.clock());
      else if (action === 'cancel') cancel(tenant);
      else if (action === 'resume') resume(tenant);
    });
  } catch (error) {
    return errorResponse(error, { href: record.url, label: 'Back to the portal' });
  }
  record.usedAt = context.clock();
  return redirect(record.returnUrl);
}
