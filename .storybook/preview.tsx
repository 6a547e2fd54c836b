// Every story renders inside a BillingProvider (fresh QueryClient, `navigate` captured), on the network msw
// fakes for it, in the theme picked in the toolbar; after it renders (and after its play function) axe runs
// and any violation fails the story's test.
import '../src/styles.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { BillingProvider } from '../src';
import { navigate } from '../stories/support/navigate';
import type {} from '../stories/support/parameters';

/** The provider the stories share: one QueryClient per story (from the loader below), `navigate` a spy. */
const withBillingProvider: Decorator = (Story, context) => {
  const provider = context.parameters.billing?.provider;
  if (provider === false) return <Story />;
  const { queryClient } = context.loaded as { queryClient: QueryClient };
  return (
    <BillingProvider
      navigate={navigate}
      queryClient={queryClient}
      checkout={{ tier: 'team', email: 'alice@acme.test', name: 'Acme Corp' }}
      locale="en-US"
      // Stories are not tabs of one app: a state one story fetches must not reach another's canvas.
      syncTabs={false}
      {...provider}
    >
      <Story />
    </BillingProvider>
  );
};

/** Paints the canvas with the theme's own background, so contrast is checked against what users see. */
const withTheme: Decorator = (Story, context) => {
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  return (
    <div
      data-theme={theme}
      style={{
        padding: '1.5rem',
        borderRadius: '0.75rem',
        background: 'var(--saiku-billing-bg)',
        color: 'var(--saiku-billing-fg)',
        fontFamily: 'var(--saiku-billing-font)',
      }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withBillingProvider, withTheme],
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({
        quiet: true,
        // A billing request no story answered is a bug in the story: fail it loudly instead of
        // letting it reach the dev server. Everything else (Vite, Storybook assets) passes.
        onUnhandledRequest(request, print) {
          if (new URL(request.url).pathname.startsWith('/api/billing')) print.error();
        },
      });
      return worker;
    }),
    // A fresh client per story. No `retry: false` here: the library's query sets its own retry policy
    // (transient errors three times, 1 s/2 s/4 s), which wins over a client's defaults, so the 503 and
    // network-error stories wait for the final error instead (see `retriesSettleMs`).
    () => ({ queryClient: new QueryClient() }),
  ],
  globalTypes: {
    theme: {
      description: 'The library theme (data-theme on an ancestor)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every violation fails the story's test (in `vitest --project storybook` and the Storybook UI's test panel).
    a11y: { test: 'error' },
    docs: {
      // Each story in its own iframe: msw answers each frame with that story's handlers, so a Docs
      // page can show Free, Past due and Canceled side by side.
      story: { inline: false, iframeHeight: 260 },
    },
  },
};

export default preview;
