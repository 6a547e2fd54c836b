// The demo host app: the host's own QueryClientProvider and BillingProvider around its admin page.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BillingProvider } from '../src';
import { AdminPage } from './AdminPage';
import { EventsPanel, recordBillingEvent } from './EventsPanel';
import { demoPlans } from './plans';
import { SimulatorPanel } from './SimulatorPanel';

// The stand-in Checkout and Portal pages live on this server in simulator mode; Stripe's hosts otherwise.
const allowedRedirectHosts = ['checkout.stripe.com', 'billing.stripe.com', window.location.host];

export function App() {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <BillingProvider
        checkout={{ tier: 'team', email: 'alice@acme.test', name: 'Acme Corp' }}
        allowedRedirectHosts={allowedRedirectHosts}
        onEvent={recordBillingEvent}
        plans={demoPlans}
      >
        <div className="demo-shell">
          <AdminPage />
          <SimulatorPanel />
          <EventsPanel />
        </div>
      </BillingProvider>
    </QueryClientProvider>
  );
}
