// The browser half of hostPage.ts: hydrates the server's HTML with the state it was rendered from, and
// keeps every recoverable hydration error where the test reads it.
import { createElement, useEffect, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HostPage, type HostPageProps } from './hostPage';

declare global {
  interface Window {
    hostPageProps: HostPageProps;
    hydrationErrors: string[];
    hydrated: boolean;
  }
}

/** Renders no element of its own (so the markup is the server's); marks the page once hydration committed. */
function Hydrated({ children }: { children: ReactNode }) {
  useEffect(() => {
    window.hydrated = true;
  }, []);
  return children;
}

window.hydrationErrors = [];
const root = document.getElementById('host');
if (root === null) throw new Error('hydrateHostPage: no #host element.');
hydrateRoot(root, createElement(Hydrated, null, createElement(HostPage, window.hostPageProps)), {
  onRecoverableError: (error) => window.hydrationErrors.push(String(error)),
});
