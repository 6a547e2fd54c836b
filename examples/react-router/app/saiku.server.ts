// Where this server reaches Saiku. With SAIKU_API_KEY set: the real API. Without it: the billing
// simulator from @saiku/billing-react/mock, in this process, with its stand-in Checkout and Portal
// pages served by routes/simulator.ts (no account or Stripe key needed). `.server` keeps this file
// out of the browser's bundle.
import { defaultAllowedRedirectHosts } from '@saiku/billing-react/core';
import { createBillingSimulator } from '@saiku/billing-react/mock';

/** The simulator's default tenant: every request with this key acts for it (docs/simulator.md). */
const defaultApiKey = 'sk_test_simulator';

/** The origin this app is served on (react-router-serve's default port is 3000). */
export const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:3000';

/** Mounted at /simulator; null when SAIKU_API_KEY is set. */
export const simulator = process.env.SAIKU_API_KEY
  ? null
  : createBillingSimulator({ publicUrl: `${appOrigin}/simulator` });

/** What createSaikuClient and createBillingProxy need to reach Saiku (or the simulator). */
export const saiku = simulator
  ? { apiKey: defaultApiKey, fetch: simulator.fetch }
  : { apiKey: process.env.SAIKU_API_KEY ?? '', baseUrl: process.env.SAIKU_API_URL };

/** Where the browser may be sent: Stripe's hosts, and this server for the simulator's pages. */
export const allowedRedirectHosts = [
  ...defaultAllowedRedirectHosts,
  ...(simulator ? [new URL(appOrigin).host] : []),
];
