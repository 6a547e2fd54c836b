// An access check on an edge runtime, over the BUILT dist/server/index.js: test/server/accessRuntimes.test.ts
// bundles it and runs it in workerd (miniflare) and in Next.js's EdgeRuntime. /api/forecasts needs the
// forecasts feature, /api/reports the business tier.
import { createAccessCheck } from '../../../dist/server/index.js';

const plans = [{ tier: 'starter' }, { tier: 'team', entitlements: ['forecasts'] }, { tier: 'business' }];
let access;

export default {
  async fetch(request, env) {
    // Made at the first request, where a worker's bindings arrive; kept for the next (its cache with it).
    access ??= createAccessCheck({ apiKey: env.SAIKU_API_KEY ?? '', baseUrl: env.SAIKU_BASE_URL, plans });
    const path = new URL(request.url).pathname;
    const requirement = path === '/api/reports' ? { tier: 'business' } : { feature: 'forecasts' };
    return (await access.guard(request, requirement)) ?? Response.json({ path });
  },
};
