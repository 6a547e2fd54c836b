// @vitest-environment node
// The packed package, installed into a separate app, used through its public imports only: what a
// host gets from `npm install @saiku/billing-react`, not what the repo's own source paths give.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installHostApp, packPackage } from '../../bench/packedFixture.mjs';

const root = resolve(import.meta.dirname, '../..');
// What a host has installed beside us: the peers, msw for /mock, and the types a TypeScript host has.
const hostPackages = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'msw',
  '@types/react',
  '@types/react-dom',
  '@types/node',
];

let app: string;
let appWithoutMsw: string;
const tempDirs: string[] = [];

/** A host app with the tarball unpacked into its node_modules, `packages` linked from ours, and consumer/. */
function installConsumer(tarball: string, packages: readonly string[]): string {
  const dir = installHostApp(tarball, packages, { copy: join(import.meta.dirname, 'consumer') });
  tempDirs.push(dir);
  return dir;
}

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'saiku-billing-pack-'));
  tempDirs.push(packDir);
  const tarball = packPackage(packDir);
  app = installConsumer(tarball, hostPackages);
  // msw is an optional peer: a host without it still gets the simulator and the mock backend.
  appWithoutMsw = installConsumer(
    tarball,
    hostPackages.filter((name) => name !== 'msw'),
  );
}, 120_000);

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package in a separate app', () => {
  it('runs the whole contract through its public imports', { timeout: 60_000 }, () => {
    const output = execFileSync(process.execPath, ['app.mjs'], { cwd: app, encoding: 'utf8' });
    const report = JSON.parse(output);

    expect(report.saikuFree).toMatchObject({
      tier: expect.any(String),
      subscriptionStatus: '',
      billedFeaturesActive: false,
      stripeCustomerId: null,
    });
    expect(report.proxyFree).toEqual(report.saikuFree);
    expect(report.checkoutUrl).toMatch(/^https:\/\//);
    expect(report.afterCheckout).toMatchObject({
      tier: 'team',
      subscriptionStatus: 'trialing',
      billedFeaturesActive: true,
    });
    expect(report.afterCheckout.stripeCustomerId).toMatch(/^cus_/);
    expect(report.portalUrl).toMatch(/^https:\/\//);
    expect(report.description).toMatchObject({ phase: 'trialing', action: 'manage' });

    const statuses = Object.fromEntries(
      Object.entries(report.refusals as Record<string, { status: number }>).map(([name, r]) => [
        name,
        r.status,
      ]),
    );
    expect(statuses).toEqual({
      unknownTier: 400,
      offOriginUrl: 400,
      javascriptUrl: 400,
      malformedJson: 400,
      notJson: 415,
      tooLarge: 413,
      crossSite: 403,
      wrongMethod: 405,
      unknownPath: 404,
    });
    for (const refusal of Object.values(
      report.refusals as Record<string, { body: string; cacheControl: string; leaksKey: boolean }>,
    )) {
      expect(JSON.parse(refusal.body)).toEqual({ error: expect.any(String), message: expect.any(String) });
      expect(refusal.cacheControl).toBe('no-store');
      expect(refusal.leaksKey).toBe(false);
    }

    expect(report.parseError).toEqual({
      isBillingError: true,
      code: 'invalid_response',
      name: 'BillingError',
    });
    expect(report.unknownStatusKept).toBe('paused');
    expect(report.error).toEqual({ code: 'rate_limited', status: 429, retryAfter: 3, message: 'Slow down' });
    expect(report.queryKey.length).toBeGreaterThan(0);
    expect(report.handlerCount).toBeGreaterThan(0);
    expect(report.stylesheet).toMatch(/node_modules\/@saiku\/billing-react\/dist\/styles\.css$/);

    // Server-rendered from initialState: the plan, the manage action, the unlocked feature, the hooks.
    expect(report.html).toContain('Team');
    expect(report.html).toContain('Manage billing');
    expect(report.html).toContain('Go business');
    expect(report.html).toContain('Billed feature');
    expect(report.html).not.toContain('locked');
    expect(report.html).toContain('team:function:function:false');

    // The German pack from /locales: its strings, its date format, and no English left on the card.
    expect(report.germanHtml).toContain('Ihr Tarif');
    const trialEnd = new Intl.DateTimeFormat('de-DE', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    expect(report.germanHtml).toContain(
      `Testphase endet am ${trialEnd.format(new Date(report.afterCheckout.trialEndsAt))}`,
    );
    expect(report.germanHtml).toContain('Abrechnung verwalten');
    expect(report.germanHtml).not.toContain('Manage billing');
    expect(report.germanHtml).not.toContain('Trial ends on');

    // Plans: one rule from /core, and the table rendered from it.
    expect(report.planRule).toEqual({
      subscribed: true,
      actions: ['portal', 'current', 'portal', 'contact'],
      paused: 'portal',
      free: 'checkout',
    });
    expect(report.pricingHtml).toMatch(
      /<li[^>]*aria-current="true"[^>]*data-tier="team"[^>]*data-action="current"/,
    );
    expect(report.pricingHtml).toContain('Switch to Business');
    expect(report.pricingHtml).toContain('$49/month');
    expect(report.pricingHtml).toContain('href="https://acme.test/sales"');
    expect(report.pricingHtml).not.toContain('data-action="checkout"');
  });

  it('type-checks a host written against the contract, under module: nodenext', { timeout: 60_000 }, () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom', 'dom.iterable'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['consumer.tsx'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    let diagnostics = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    } catch (error) {
      diagnostics = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(diagnostics).toBe('');
  });
  it(
    'imports /mock where msw is not installed; billingHandlers then says msw is missing',
    { timeout: 60_000 },
    () => {
      writeFileSync(
        join(appWithoutMsw, 'without-msw.mjs'),
        `
      import { billingHandlers, createBillingSimulator, createMockBackend } from '@saiku/billing-react/mock';
      const simulator = createBillingSimulator({ scenario: 'free' });
      const backend = createMockBackend(simulator);
      const session = await backend.createCheckoutSession({
        tier: 'team',
        successUrl: 'https://app.example/ok',
        cancelUrl: 'https://app.example/no',
      });
      simulator.completeCheckout(session.sessionId);
      simulator.advance(simulator.webhookDelayMs);
      const state = await backend.getState();
      let handlersError = null;
      try {
        billingHandlers(simulator);
      } catch (error) {
        handlersError = error.message;
      }
      let mswEntry = 'loaded';
      try {
        await import('@saiku/billing-react/mock/msw');
      } catch (error) {
        mswEntry = error.code;
      }
      console.log(JSON.stringify({ status: state.subscriptionStatus, tier: state.tier, handlersError, mswEntry }));
      `,
      );
      const output = execFileSync(process.execPath, ['without-msw.mjs'], {
        cwd: appWithoutMsw,
        encoding: 'utf8',
      });
      expect(JSON.parse(output)).toEqual({
        status: 'trialing',
        tier: 'team',
        handlersError: expect.stringMatching(/billingHandlers needs msw/),
        mswEntry: 'ERR_MODULE_NOT_FOUND',
      });
    },
  );

  it('serves the same handlers from /mock/msw where msw is installed', { timeout: 60_000 }, () => {
    writeFileSync(
      join(app, 'with-msw.mjs'),
      `
      import { setupServer } from 'msw/node';
      import { createBillingSimulator } from '@saiku/billing-react/mock';
      import { billingHandlers } from '@saiku/billing-react/mock/msw';
      const simulator = createBillingSimulator({ scenario: 'active' });
      const server = setupServer(...billingHandlers(simulator));
      server.listen();
      const response = await fetch('https://host.example/api/billing/state');
      console.log(JSON.stringify({ status: response.status, state: await response.json() }));
      server.close();
      `,
    );
    const output = execFileSync(process.execPath, ['with-msw.mjs'], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(output)).toMatchObject({ status: 200, state: { subscriptionStatus: 'active' } });
  });
});
