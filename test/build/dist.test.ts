// @vitest-environment node
// The built files, one per source file: what a host's bundler and Next.js's App Router read. Each file
// that uses React keeps its 'use client' directive; the client files have no top-level side effect, so
// a bundler may drop any of them a page does not use; package.json declares only CSS as side effects.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, 'dist');

function readDist(path: string): string {
  const file = resolve(dist, path);
  if (!existsSync(file))
    throw new Error(`dist/${path} is missing: run \`npm run build\` first (npm test does).`);
  return readFileSync(file, 'utf8');
}

/** Every .js file under dist/, as a path relative to dist/ ('react/PlanCard.js'). */
function distFiles(): string[] {
  readDist('index.js');
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.js'))
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** The module specifiers a built file imports or re-exports statically. */
function importsOf(code: string): string[] {
  return [
    ...code.matchAll(/^(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]/gm),
  ].map((match) => match[1] ?? match[2] ?? '');
}

/** The files the client entry loads, following its relative imports from dist/index.js. */
function clientGraph(): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const specifier of importsOf(readDist(path))) {
      if (specifier.startsWith('.')) visit(relative(dist, resolve(dist, dirname(path), specifier)));
    }
  };
  visit('index.js');
  return [...seen].sort();
}

/** Whether the file's directive prologue (after comments) holds 'use client'. */
function startsWithUseClient(code: string): boolean {
  let rest = code.replace(/^#![^\n]*\n/, '');
  for (;;) {
    rest = rest.replace(/^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)+/, '');
    const directive = /^(['"])([^'"\n]*)\1\s*;?/.exec(rest);
    if (!directive) return false;
    if (directive[2] === 'use client') return true;
    rest = rest.slice(directive[0].length);
  }
}

/** `import { a as b, c } from "x"`: each specifier with the names it imports ('*' for a namespace or default). */
function importedNames(code: string): Array<{ from: string; names: string[] }> {
  return [...code.matchAll(/^import\s*([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)].map((match) => {
    const clause = match[1] ?? '';
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    const names = named
      .split(',')
      .map((part) => part.trim().split(/\s+as\s+/)[0] ?? '')
      .filter((name) => name && !name.startsWith('type '));
    const other = clause.replace(/\{[^}]*\}/, '').replace(/[\s,]/g, '');
    return { from: match[2] ?? '', names: other ? [...names, '*'] : names };
  });
}

/**
 * Whether a built file runs only on the client: it imports from React (hooks, context, forwardRef, JSX),
 * or a hook or the context from TanStack Query. TanStack Query's plain helpers (`queryOptions`,
 * `hashKey`, `QueryClient`) run on a server too: `billingQueryOptions` is for server prefetch.
 */
function needsUseClient(code: string): boolean {
  return importedNames(code).some(
    ({ from, names }) =>
      /^(react|react-dom)($|\/)/.test(from) ||
      (/^@tanstack\/react-query($|\/)/.test(from) &&
        names.some(
          (name) =>
            name === '*' || /^use[A-Z]|^QueryClient(Provider|Context)$|^HydrationBoundary$/.test(name),
        )),
  );
}

describe('the built files', () => {
  it("keep 'use client' first in every file that uses React (hooks, context, components)", () => {
    const needing = distFiles().filter((path) => needsUseClient(readDist(path)));
    // The rule sees the files it should, so an empty list of misses below means something.
    expect(needing).toEqual(expect.arrayContaining(['react/BillingProvider.js', 'react/UpgradeButton.js']));
    expect(needing.filter((path) => !startsWithUseClient(readDist(path)))).toEqual([]);
    // The client entry re-exports them: it is marked too, so a server component may import from it.
    expect(startsWithUseClient(readDist('index.js'))).toBe(true);
  });

  it('see a directive only where it is first, and the client-only imports', () => {
    expect(needsUseClient('import { jsx } from "react/jsx-runtime";')).toBe(true);
    expect(needsUseClient('import { useQuery as q } from "@tanstack/react-query";')).toBe(true);
    expect(
      needsUseClient('import {\n\tQueryClient,\n\tQueryClientContext\n} from "@tanstack/react-query";'),
    ).toBe(true);
    expect(needsUseClient('import { queryOptions } from "@tanstack/react-query";')).toBe(false);
    expect(needsUseClient('import { humanize } from "../core/tiers.js";')).toBe(false);
    expect(startsWithUseClient('"use client";\nimport "react";')).toBe(true);
    expect(startsWithUseClient("// a comment\n/* another */\n'use client'\nexport {};")).toBe(true);
    expect(startsWithUseClient('import "react";\n"use client";')).toBe(false);
    expect(startsWithUseClient('var a = "use client";')).toBe(false);
  });

  it('have no top-level side effect in the client files (no `X.displayName = …`, no bare call)', () => {
    const client = new Set([
      ...clientGraph(),
      ...distFiles().filter((path) => /^(react|core)\/[^/]+\.js$/.test(path)),
    ]);
    expect([...client]).toEqual(expect.arrayContaining(['index.js', 'react/PlanCard.js', 'core/parse.js']));
    // A statement at column 0 that starts with a name and goes on with `.`, `(` or `[`: an assignment to a
    // property (`PlanCard.displayName = 'PlanCard'`) or a call, which a bundler must keep on every page.
    const statements = [...client].flatMap((path) =>
      readDist(path)
        .split('\n')
        .flatMap((line, index) =>
          /^[A-Za-z_$][\w$]*\s*[.([]/.test(line) ? [`dist/${path}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(statements).toEqual([]);
  });
});

describe('dist/styles.css', () => {
  it('is one file: every rule of src/styles/ inlined, no @import left for a host to resolve', () => {
    const css = readDist('styles.css');
    expect(css).not.toMatch(/@import/);
    for (const part of readdirSync(resolve(root, 'src/styles'))) {
      // Each part's first rule's selector is in the built file (the parts' own comments may differ).
      const selector = readFileSync(resolve(root, 'src/styles', part), 'utf8').match(
        /^([^\s/*][^{]*)\{/m,
      )?.[1];
      expect(selector, part).toBeTruthy();
      expect(css).toContain(selector);
    }
    expect(css).toMatch(/--saiku-billing-/);
    expect(css).toMatch(/\.saiku-billing-pricing/);
  });
});

describe('package.json', () => {
  it('declares only CSS and the standalone file (it defines the elements on load) as having side effects', () => {
    const { sideEffects } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      sideEffects?: unknown;
    };
    expect(Array.isArray(sideEffects)).toBe(true);
    expect(sideEffects).not.toEqual([]);
    expect((sideEffects as string[]).filter((pattern) => !/\.css$/.test(pattern))).toEqual([
      './dist/standalone.js',
    ]);
  });
});
