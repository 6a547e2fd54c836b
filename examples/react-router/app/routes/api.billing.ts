// The billing proxy as a resource route: the browser's /api/billing/* calls reach Saiku through
// here, with the key added on this server. In your app, `apiKey` is a function of the request that
// finds the signed-in user's tenant key (see docs/server.md).
import { createBillingProxy } from '@saiku/billing-react/server';
import { allowedRedirectHosts, appOrigin, saiku } from '../saiku.server';
import type { Route } from './+types/api.billing';

const proxy = createBillingProxy({ ...saiku, allowedOrigins: [appOrigin], allowedRedirectHosts });

export const loader = ({ request }: Route.LoaderArgs) => proxy(request);
export const action = ({ request }: Route.ActionArgs) => proxy(request);
