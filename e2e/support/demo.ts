// Starts the demo exactly as `npm start` serves it (demo/server.mjs): Vite in middleware mode, the
// real billing proxy, and the billing simulator standing in for Saiku, on 127.0.0.1 and a free port.
import { resolve } from 'node:path';
import type { BillingSimulator } from '../../src/mock';

export interface DemoServer {
  /** The demo's origin, e.g. http://127.0.0.1:41234 */
  url: string;
  simulator: BillingSimulator;
  close(): Promise<void>;
}

interface DemoServerModule {
  startDemoServer(options: {
    port?: number;
    host?: string;
    silent?: boolean;
    apiKey?: string;
    webhookDelayMs?: number;
    rateLimit?: false;
  }): Promise<{ url: string; simulator: BillingSimulator | null; close(): Promise<void> }>;
}

/**
 * The simulated Stripe webhook lands this long after "Pay". Long on purpose: the tests land it
 * themselves with `simulator.advance(simulator.webhookDelayMs)` once they have seen
 * "Confirming your subscription…", so that state is observed every time, however slowly the page
 * loads on a busy machine, and nothing waits on real time.
 */
export const e2eWebhookDelayMs = 10 * 60_000;

export async function startDemo(options: { webhookDelayMs?: number } = {}): Promise<DemoServer> {
  // demo/server.mjs is plain JavaScript without declarations: load it by path and type it here.
  const modulePath: string = resolve(import.meta.dirname, '../../demo/server.mjs');
  const { startDemoServer } = (await import(/* @vite-ignore */ modulePath)) as DemoServerModule;
  const demo = await startDemoServer({
    port: 0,
    silent: true,
    // An empty key means "use the simulator", even when SAIKU_API_KEY is set in the environment.
    apiKey: '',
    webhookDelayMs: options.webhookDelayMs ?? e2eWebhookDelayMs,
    // One demo serves a whole file of flows, each minting sessions for the same tenant: the proxy's
    // limit of 10 a minute (covered by test/server/guards.test.ts) would cut a busy file short.
    rateLimit: false,
  });
  const { simulator } = demo;
  if (!simulator) {
    await demo.close();
    throw new Error('The demo started against the real Saiku API; the e2e suite needs the simulator.');
  }
  return { url: demo.url, simulator, close: () => demo.close() };
}
