// Measures what a host's bundler adds for `@saiku/billing-react`: the built client entry
// (core + provider + hooks + components), minified, with the peers
// (react, react-dom, @tanstack/react-query) external. Run `npm run build` first.
// usage: node bench/size.mjs
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');

export async function measureEntry(entry = 'dist/index.js') {
  const input = resolve(root, entry);
  if (!existsSync(input)) throw new Error(`${entry} is missing: run npm run build first.`);
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      // Not library mode: it keeps whitespace in ES output, which a host's bundler would not.
      rollupOptions: {
        input,
        preserveEntrySignatures: 'strict',
        external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//],
        output: { format: 'es' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const code = outputs
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n');
  return { minified: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { minified, gzip } = await measureEntry();
  console.log(
    `client entry: ${minified} B minified, ${gzip} B gzip (${(gzip / 1024).toFixed(2)} KiB; budget 11.5 KiB)`,
  );
}
