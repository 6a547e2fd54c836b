// The one redaction rule (issue 16 item 4): every spelling of the key an upstream might echo is cut out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsSecret, redactSecret } from '../../src/core/redactSecret';

const key = 'sk_live_51Hq4eC39HqLyjWDarjtT1zdp7dc';
const tildeKey = 'sk_test_a~b.c-d_e~F0';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const uEscape = (text: string, upper = false) =>
  [...text]
    .map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .map((form) => (upper ? form.toUpperCase().replace('\\U', '\\u') : form))
    .join('');
/** Percent-encodes every character, as a strict form encoder might. */
const percentAll = (text: string, upper: boolean) =>
  [...text]
    .map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .map((form) => (upper ? form.toUpperCase() : form))
    .join('');

const spellings: Record<string, (secret: string) => string> = {
  raw: (secret) => secret,
  'upper-cased': (secret) => secret.toUpperCase(),
  'lower-cased': (secret) => secret.toLowerCase(),
  'in a Bearer header': (secret) => `Bearer ${secret}`,
  'base64 of the key': (secret) => base64(secret),
  'base64 of "Bearer <key>"': (secret) => base64(`Bearer ${secret}`),
  'base64 of "Authorization: Bearer <key>"': (secret) => base64(`Authorization: Bearer ${secret}`),
  'base64url of "x:<key>"': (secret) => base64url(`x:${secret}`),
  'base64 of a basic-auth pair': (secret) => base64(`${secret}:`),
  '\\u-escaped (lower hex)': (secret) => uEscape(secret),
  '\\u-escaped (upper hex)': (secret) => uEscape(secret, true),
  encodeURIComponent: (secret) => encodeURIComponent(secret),
  'form-encoded (URLSearchParams)': (secret) => new URLSearchParams({ k: secret }).toString().slice(2),
  'every character percent-encoded, lower hex': (secret) => percentAll(secret, false),
  'every character percent-encoded, upper hex': (secret) => percentAll(secret, true),
  'percent-encoded twice': (secret) => encodeURIComponent(percentAll(secret, true)),
  'JSON-escaped': (secret) => JSON.stringify(secret).slice(1, -1),
  'JSON with escaped slashes': (secret) => secret.replace(/[_~.-]/g, (char) => `\\${char}`),
};

describe('redactSecret', () => {
  for (const secret of [key, tildeKey]) {
    it.each(Object.entries(spellings))(`cuts out ${secret.slice(0, 8)}… spelled %s`, (_name, spell) => {
      const text = `Invalid API key: ${spell(secret)} (see logs)`;
      const out = redactSecret(text, secret);
      expect(out).toContain('[redacted]');
      expect(out).not.toContain(spell(secret));
      expect(containsSecret(text, secret)).toBe(true);
      expect(containsSecret(out, secret)).toBe(false);
      expect(out.startsWith('Invalid API key: ')).toBe(true);
      expect(out.endsWith(' (see logs)')).toBe(true);
    });
  }

  it('form-encodes `~` as %7E and still finds it, in either hex case', () => {
    for (const spelled of [
      'sk_test_a%7Eb.c-d_e%7EF0',
      'sk_test_a%7eb.c-d_e%7eF0',
      'SK_TEST_A%7EB.C-D_E%7EF0',
    ]) {
      expect(redactSecret(`k=${spelled}&x=1`, tildeKey)).toBe('k=[redacted]&x=1');
    }
  });

  it('reads + as a space in a form-encoded secret', () => {
    expect(redactSecret('x=open+sesame+42', 'open sesame 42')).toBe('x=[redacted]');
  });

  it('leaves text without the secret alone, and does nothing without a secret', () => {
    const text = 'Invalid API key: sk_live_other (tenant 81e301f2)';
    expect(redactSecret(text, key)).toBe(text);
    expect(redactSecret(text, null)).toBe(text);
    expect(redactSecret(text, '')).toBe(text);
    expect(containsSecret(text, key)).toBe(false);
  });

  it('treats a secret full of regular-expression syntax as plain characters', () => {
    const secret = 'a.b*c+d?(e)[f]{g}|h^i$j\\k/l';
    expect(redactSecret(`x ${secret} y`, secret)).toBe('x [redacted] y');
    expect(redactSecret('x aXb*c+d?(e)[f]{g}|h^i$j\\k/l y', secret)).toBe('x aXb*c+d?(e)[f]{g}|h^i$j\\k/l y');
  });

  it('finds the secret in any mixture of spellings, character by character', () => {
    const forms = [
      (char: string) => char,
      (char: string) => char.toUpperCase(),
      (char: string) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
      (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
      (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: forms.length - 1 }), {
          minLength: key.length,
          maxLength: key.length,
        }),
        fc.string(),
        fc.string(),
        (choice, before, after) => {
          const spelled = [...key].map((char, i) => forms[choice[i] ?? 0]?.(char) ?? char).join('');
          const out = redactSecret(`${before}${spelled}${after}`, key);
          expect(out).not.toContain(spelled);
          expect(containsSecret(out, key)).toBe(false);
        },
      ),
    );
  });
});
