// The proxy's tighter input rules (charset, email, name) and its production defaults, against a real fake Saiku.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBillingProxy, type ProxyOptions } from '../../src/server';
import { startFakeSaiku, type FakeSaiku } from './fakeSaiku';

const app = 'https://app.example.com';
const validCheckout = { tier: 'team', successUrl: `${app}/ok`, cancelUrl: `${app}/billing` };

let fake: FakeSaiku;
beforeAll(async () => {
  fake = await startFakeSaiku();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function proxy(options: Partial<ProxyOptions> = {}) {
  return createBillingProxy({
    apiKey: fake.apiKey,
    baseUrl: fake.baseUrl,
    // These tests are about input rules; the guards (their own tests) would read a subscribed fake tenant.
    blockDuplicateSubscriptions: false,
    rateLimit: false,
    ...options,
  });
}

function postJson(body: unknown, contentType = 'application/json', origin = app): Request {
  return new Request(`${origin}/api/billing/checkout-session`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Origin: origin },
    body: JSON.stringify(body),
  });
}

async function refusal(response: Response): Promise<{ status: number; error: unknown; message: unknown }> {
  const body = (await response.json()) as { error: unknown; message: unknown };
  return { status: response.status, ...body };
}

describe('the JSON routes take UTF-8 only', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
    'Application/JSON; Charset="utf-8"',
  ])('accepts %s', async (contentType) => {
    const response = await proxy()(postJson(validCheckout, contentType));
    expect(response.status).toBe(200);
  });

  it.each([
    'application/json;charset=utf-7',
    'application/json; charset=iso-8859-1',
    'application/json; charset=utf-16',
    'application/json; charset=',
    'application/json; charset=utf-8; charset=utf-7',
  ])('answers 415 to %s, before anything goes upstream', async (contentType) => {
    const response = await proxy()(postJson(validCheckout, contentType));
    expect(await refusal(response)).toEqual({
      status: 415,
      error: 'unsupported_media_type',
      message: 'This route takes application/json in UTF-8 only.',
    });
    expect(fake.received).toEqual([]);
  });
});

describe('email must look like an address', () => {
  it.each(['ada@example.com', 'ada.lovelace+billing@mail.example.co.uk'])('passes %s on', async (email) => {
    const response = await proxy()(postJson({ ...validCheckout, email }));
    expect(response.status).toBe(200);
    expect(JSON.parse(fake.received[0]?.body ?? '{}')).toMatchObject({ email });
  });

  it.each([
    ['no @', 'ada.example.com'],
    ['two @', 'ada@lovelace@example.com'],
    ['a space', 'ada lovelace@example.com'],
    ['a non-breaking space', 'ada\u00a0@example.com'],
    ['angle brackets', 'Ada <ada@example.com>'],
    ['a double quote', '"ada"@example.com'],
    ['a single quote', "ada'@example.com"],
    ['nothing before @', '@example.com'],
  ])('refuses one with %s (400)', async (_label, email) => {
    const response = await proxy()(postJson({ ...validCheckout, email }));
    expect(await refusal(response)).toMatchObject({ status: 400, error: 'invalid_request' });
    expect(fake.received).toEqual([]);
  });
});

describe('name has no control or bidi-override characters', () => {
  it('passes a name in any script on', async () => {
    const response = await proxy()(postJson({ ...validCheckout, name: 'Ада Лавлейс 李 أدا' }));
    expect(response.status).toBe(200);
  });

  it.each([
    ['a right-to-left override (U+202E)', 'Ada \u202eecivni'],
    ['a left-to-right embedding (U+202A)', '\u202aAda'],
    ['a pop directional formatting (U+202C)', 'Ada\u202c'],
    ['a right-to-left isolate (U+2067)', 'Ada\u2067x'],
    ['a pop directional isolate (U+2069)', 'Ada\u2069'],
    ['a line feed', 'Ada\nBcc: x'],
    ['a NUL', 'Ada\u0000'],
    ['a C1 control (U+0085)', 'Ada\u0085'],
  ])('refuses %s (400)', async (_label, name) => {
    const response = await proxy()(postJson({ ...validCheckout, name }));
    expect(await refusal(response)).toEqual({
      status: 400,
      error: 'invalid_request',
      message: 'name must not contain control or bidirectional-override characters.',
    });
    expect(fake.received).toEqual([]);
  });
});

describe('in production (NODE_ENV=production)', () => {
  const local = 'http://localhost:8080';
  const localCheckout = { tier: 'team', successUrl: `${local}/ok`, cancelUrl: `${local}/billing` };
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production');
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    warn.mockRestore();
  });

  it('warns once per proxy when allowedOrigins is not set, and not at all when it is', async () => {
    const handler = proxy();
    await handler(postJson(validCheckout));
    await handler(postJson(validCheckout));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/allowedOrigins is not set.*Host header/);
    proxy({ allowedOrigins: [app] });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('refuses loopback return URLs that only the request Host vouches for', async () => {
    const response = await proxy()(postJson(localCheckout, 'application/json', local));
    expect(await refusal(response)).toMatchObject({ status: 400, error: 'invalid_request' });
    expect(fake.received).toEqual([]);
  });

  it('accepts loopback return URLs an allowed origin names', async () => {
    const response = await proxy({ allowedOrigins: [local] })(
      postJson(localCheckout, 'application/json', local),
    );
    expect(response.status).toBe(200);
  });

  it('is not production without NODE_ENV=production: the request Host still decides', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const response = await proxy()(postJson(localCheckout, 'application/json', local));
    expect(response.status).toBe(200);
    expect(warn).not.toHaveBeenCalled();
  });
});
