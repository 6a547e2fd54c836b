/**
 * The one rule for keeping a secret (the Saiku API key) out of text: used by the proxy on
 * everything it sends or reports, and by the client's error path on a server's message.
 */

/** What a secret becomes. */
export const redacted = '[redacted]';

const encoder = new TextEncoder();

/** `%7E`, `%7e` and `%257E` (encoded twice) for each UTF-8 byte of a character. */
function percentForms(char: string): string {
  const bytes = [...encoder.encode(char)].map((byte) => byte.toString(16).padStart(2, '0'));
  return bytes.map((hex) => `%(?:25)?${hex}`).join('');
}

/** `\u007e` for a character (a surrogate pair beyond the BMP), `\x7e` for a byte-sized one. */
function escapeForms(char: string): string[] {
  const units = [...char].flatMap((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
  });
  const u = units.map((unit) => `\\\\u${unit.toString(16).padStart(4, '0')}`).join('');
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? [u, `\\\\x${code.toString(16).padStart(2, '0')}`] : [u];
}

const regexSpecial = /[\\^$.*+?()[\]{}|/]/g;

/**
 * One character in any spelling text may carry it in: as it is, URL- or form-encoded (once or
 * twice, either hex case, `+` for a space), `\u`-/`\x`-escaped, or backslash-escaped as JSON does.
 */
function charPattern(char: string): string {
  const literal = char.replace(regexSpecial, '\\$&');
  const forms = [literal, percentForms(char), ...escapeForms(char)];
  if (char === ' ') forms.push('\\+');
  if (!/[\p{L}\p{N}]/u.test(char)) forms.push(`\\\\${literal}`);
  return `(?:${forms.join('|')})`;
}

/**
 * The secret's base64 (and base64url) spellings wherever it sits in a longer encoded text: one
 * for each of the three byte alignments, without the characters its neighbours would change.
 */
function base64Forms(secret: string): string[] {
  const bytes = encoder.encode(secret);
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const full = Math.floor(padded.length / 3) * 4;
    const skip = Math.ceil((offset * 8) / 6);
    const text = btoa(String.fromCharCode(...padded)).slice(skip, full);
    if (text.length >= 8) forms.push(text, text.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

let cachedSecret: string | null = null;
let cachedPattern: RegExp | null = null;

/** Matches every spelling of the secret, case-insensitively; built once per secret. */
function patternFor(secret: string): RegExp {
  if (secret !== cachedSecret || cachedPattern === null) {
    const spellings = [secret, ...base64Forms(secret)].map((form) => [...form].map(charPattern).join(''));
    cachedPattern = new RegExp([...new Set(spellings)].join('|'), 'giu');
    cachedSecret = secret;
  }
  return cachedPattern;
}

/**
 * `text` with every spelling of `secret` replaced by `[redacted]`: raw, in any letter case,
 * URL-/form-encoded (also partly, twice, either hex case), `\u`-escaped, JSON-escaped and base64.
 */
export function redactSecret(text: string, secret: string | null | undefined): string {
  if (!secret) return text;
  return text.replace(patternFor(secret), redacted);
}

/** Whether `text` carries `secret` in any spelling `redactSecret` removes. */
export function containsSecret(text: string, secret: string | null | undefined): boolean {
  if (!secret) return false;
  const pattern = patternFor(secret);
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}
