// The billing proxy: the browser's /api/billing/* calls reach Saiku through here, with the key added
// on this server. In your app, `apiKey` is a function of the request that finds the signed-in
// user's tenant key (see docs/server.md).
import { createBillingProxy } from '@saiku/billing-react/server';
import { allowedRedirectHosts, appOrigin, saiku } from '@/lib/saiku';

const handler = createBillingProxy({ ...saiku, allowedOrigins: [appOrigin], allowedRedirectHosts });

export { handler as GET, handler as POST };
