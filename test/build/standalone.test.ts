// @vitest-environment node
// dist/standalone.js, the one file a `<script type="module">` loads: its size budget, its bytes the same
// on every build, and no React inside (Preact's compatibility layer stands in). npm test builds dist/ first.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { standaloneOptions } from '../../scripts/buildStandalone.mjs';

const file = resolve(import.meta.dirname, '../../dist/standalone.js');

/** Issue 29's budget for the standalone file, gzip -9. */
const budgetBytes = 40_000;

beforeAll(() => {
  if (!existsSync(file)) throw new Error('dist/standalone.js is missing: run `npm run build` first.');
});

describe('dist/standalone.js', () => {
  it(`is at most ${budgetBytes.toLocaleString('en-US')} B gzip -9`, () => {
    const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
    expect(gzip).toBeLessThanOrEqual(budgetBytes);
  });

  it('comes out byte for byte the same from the same sources', async () => {
    const again = await build({ ...standaloneOptions, write: false });
    const [output, ...more] = again.outputFiles ?? [];
    expect(more).toEqual([]);
    expect(Buffer.from(output?.contents ?? []).equals(readFileSync(file))).toBe(true);
  });

  it('holds Preact, not React, and defines the elements on load', () => {
    const code = readFileSync(file, 'utf8');
    // React DOM's own error decoder and its internals' name; neither is in Preact.
    expect(code).not.toContain('react.dev/errors');
    expect(code).not.toContain('__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE');
    expect(code).not.toMatch(/\bimport\s*["'{*]/); // one file: it imports nothing
    expect(code).toContain('"saiku-billing-settings"');
  });
});
