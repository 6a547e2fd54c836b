// @vitest-environment node
// llms.txt, the summary for coding agents, cannot rot: every name it lists under an entry point is
// exported by that entry's built declarations (and, unless listed as a type, at run time), every link
// resolves to a file the package ships (a README link to a heading that exists), and it ships itself.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const llms = readFileSync(resolve(root, 'llms.txt'), 'utf8');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | { types: string; default: string }>;
};

interface EntrySection {
  /** The entry as llms.txt names it, e.g. '@saiku/billing-react/server'. */
  entry: string;
  /** Names listed as values (functions, components, constants). */
  values: string[];
  /** Names listed on the section's `Types:` line. */
  types: string[];
}

/** The sections headed by an entry point (`## \`@saiku/billing-react/x\``) and the names under them. */
function entrySections(text: string): EntrySection[] {
  const sections: EntrySection[] = [];
  let current: EntrySection | null = null;
  for (const line of text.split('\n')) {
    const heading = /^## (.*)$/.exec(line);
    if (heading) {
      const entry = /^`([^`]+)`$/.exec(heading[1] ?? '')?.[1];
      current = entry?.startsWith(pkg.name) ? { entry, values: [], types: [] } : null;
      if (current) sections.push(current);
      continue;
    }
    if (!current || !line.startsWith('- ')) continue;
    if (line.startsWith('- Types: ')) {
      current.types.push(...[...line.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((match) => match[1] ?? ''));
    } else {
      const name = /^- `<?([A-Za-z_$][\w$]*)/.exec(line)?.[1];
      if (!name) throw new Error(`llms.txt: a list line under ${current.entry} names nothing: ${line}`);
      current.values.push(name);
    }
  }
  return sections;
}

/** The built files an entry resolves to through package.json `exports`. */
function entryFiles(entry: string): { types: string; js: string } {
  const target = pkg.exports[`.${entry.slice(pkg.name.length)}`];
  if (target === undefined || typeof target === 'string') throw new Error(`${entry} is no JavaScript entry.`);
  return { types: resolve(root, target.types), js: resolve(root, target.default) };
}

/** Every name (values and types) each declaration file exports, as TypeScript sees it: one program. */
function declaredExports(files: string[]): Map<string, Set<string>> {
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  return new Map(
    files.map((file) => {
      const source = program.getSourceFile(file);
      const module = source && checker.getSymbolAtLocation(source);
      if (!module) throw new Error(`TypeScript found no module in ${file}.`);
      return [file, new Set(checker.getExportsOfModule(module).map((symbol) => symbol.name))];
    }),
  );
}

/** A heading's anchor as GitHub writes it. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

const sections = entrySections(llms);
let declared: Map<string, Set<string>>;

beforeAll(() => {
  if (!existsSync(entryFiles(pkg.name).types)) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test builds before the tests run).');
  }
  declared = declaredExports(sections.map((section) => entryFiles(section.entry).types));
}, 60_000);

describe('llms.txt', () => {
  it('lists the main names of each entry point (the parser sees them)', () => {
    expect(sections.map((section) => section.entry)).toEqual([
      '@saiku/billing-react',
      '@saiku/billing-react/core',
      '@saiku/billing-react/server',
      '@saiku/billing-react/mock',
      '@saiku/billing-react/locales',
    ]);
    for (const section of sections) expect(section.values.length).toBeGreaterThanOrEqual(3);
  });

  it.each(sections.map((section) => [section.entry, section] as const))(
    'names only what %s exports',
    async (entry, { values, types }) => {
      const files = entryFiles(entry);
      const names = declared.get(files.types);
      expect([...values, ...types].filter((name) => !names?.has(name))).toEqual([]);
      // A value must exist at run time, not only as a type.
      const module = (await import(pathToFileURL(files.js).href)) as Record<string, unknown>;
      expect(values.filter((name) => !(name in module))).toEqual([]);
    },
  );

  it('links only to files the package ships, and to README headings that exist', { timeout: 60_000 }, () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as [{ files: { path: string }[] }];
    const shipped = new Set(packed[0].files.map((file) => file.path));
    expect(shipped).toContain('llms.txt');
    const links = [...llms.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1] ?? '');
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const [path = '', anchor] = link.split('#');
      expect(shipped, `llms.txt links to ${path}, which the package does not ship`).toContain(path);
      if (anchor === undefined) continue;
      const headings = [...readFileSync(resolve(root, path), 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map(
        (match) => slug(match[1] ?? ''),
      );
      expect(headings, `${link}: no such heading`).toContain(anchor);
    }
  });
});
