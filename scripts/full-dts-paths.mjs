// Node's ESM resolution (moduleResolution node16/nodenext) needs full relative specifiers in
// .d.ts files: './types' must read './types.js', './core' must read './core/index.js'. tsc keeps
// them as written (our sources use bundler resolution), and the bundled .js files are not beside
// the .d.ts files for a path-mapping tool to find, so this rewrites them from the .d.ts tree.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../dist');
const specifier = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function* declarationFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* declarationFiles(path);
    else if (name.endsWith('.d.ts')) yield path;
  }
}

function fullPath(fromFile, spec) {
  if (/\.(js|mjs|cjs|json|css)$/.test(spec)) return spec;
  const base = resolve(dirname(fromFile), spec);
  if (existsSync(`${base}.d.ts`)) return `${spec}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${spec.replace(/\/$/, '')}/index.js`;
  throw new Error(`${fromFile}: cannot resolve '${spec}' to a declaration file`);
}

let changed = 0;
for (const file of declarationFiles(dist)) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(
    specifier,
    (_, lead, quote, spec) => `${lead}${quote}${fullPath(file, spec)}${quote}`,
  );
  if (next !== text) {
    writeFileSync(file, next);
    changed += 1;
  }
}
console.log(`full-dts-paths: ${changed} declaration files rewritten`);
