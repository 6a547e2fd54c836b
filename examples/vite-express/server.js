// The SPA's server: the billing proxy under /api/billing, then the built app (npm run build) from dist/.
// With SAIKU_API_KEY set the proxy talks to the real Saiku API; without it, to the billing simulator
// from @saiku/billing-react/mock, whose stand-in Checkout and Portal pages are served under /simulator.
import express from 'express';
import { createBillingProxy, toNodeHandler } from '@saiku/billing-react/server';
import { createBillingSimulator } from '@saiku/billing-react/mock';

/** The simulator's default tenant: every request with this key acts for it (docs/simulator.md). */
const defaultApiKey = 'sk_test_simulator';

const port = Number(process.env.PORT ?? 3000);
/** The origin the app is served on: the proxy takes posts from it only. */
const origin = process.env.APP_ORIGIN ?? `http://localhost:${port}`;

const simulator = process.env.SAIKU_API_KEY
  ? null
  : createBillingSimulator({ publicUrl: `${origin}/simulator` });

const app = express();
app.use(
  toNodeHandler(
    createBillingProxy(
      simulator
        ? {
            apiKey: defaultApiKey,
            fetch: simulator.fetch,
            allowedOrigins: [origin],
            allowedRedirectHosts: [new URL(origin).host],
          }
        : { apiKey: process.env.SAIKU_API_KEY, baseUrl: process.env.SAIKU_API_URL, allowedOrigins: [origin] },
    ),
  ),
);
if (simulator) app.use(toNodeHandler((request) => simulator.fetch(request), { basePath: '/simulator' }));
app.use(express.static(`${import.meta.dirname}/dist`));

app.listen(port, process.env.HOST ?? 'localhost', () => console.log(`Open ${origin}/`));
