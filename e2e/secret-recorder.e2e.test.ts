// The recorder behind flow 6 must not pass by missing things: a page that receives the key in a
// script, in a header and in a JSON body it reads just before navigating away (as the Upgrade and
// Manage buttons do with session URLs) is caught, in every one of those places.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, newContext } from './support/browser';
import { demoApiKey, ResponseRecorder } from './support/secrets';

let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    switch (req.url) {
      case '/':
        return send('text/html', '<!doctype html><title>Leaky</title><script src="/app.js"></script>');
      case '/app.js':
        return send(
          'text/javascript',
          `// ${demoApiKey}\nfetch('/session').then((r) => r.json()).then((session) => location.assign(session.url));`,
        );
      case '/session':
        return send('application/json', JSON.stringify({ url: '/done', debug: demoApiKey }), {
          'X-Debug': `Bearer ${demoApiKey}`,
        });
      default:
        return send('text/html', '<!doctype html><title>Done</title><h1>Done</h1>');
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
});

it('finds the key in a script, a header and a body the page read just before navigating away', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const recorder = new ResponseRecorder();
    await recorder.attach(page);
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/done`);
    await page.getByRole('heading', { name: 'Done' }).waitFor();
    await recorder.settle();

    expect(recorder.unreadable).toEqual([]);
    expect(recorder.missed()).toEqual([]);
    expect(recorder.findings(demoApiKey)).toEqual([
      `GET ${origin}/app.js (200): in the body`,
      `GET ${origin}/session (200): in the status line or a header`,
      `GET ${origin}/session (200): in the body`,
    ]);
    expect(recorder.findings('sk_live_never_sent')).toEqual([]);
  } finally {
    await context.close();
  }
});
