// The custom elements' stylesheet, made at build time from the default theme (src/styles.css and its
// imports), so the elements and styles.css never differ. Inside a shadow root `:root` matches nothing, so
// the theme's values become fallbacks: each `var(--saiku-billing-x)` reads the host page's
// `--saiku-billing-x` when one is set (on :root, an ancestor or the element itself), else the theme's
// value for the element's `theme` attribute (or the system's colour scheme).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const stylesEntry = resolve(import.meta.dirname, '../src/styles.css');

/** The custom properties a block of tokens.css declares, as `--_sb-name: value;` fallbacks. */
function fallbacks(css, selector) {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`src/styles/tokens.css has no "${selector} {" block.`);
  const block = css.slice(start, css.indexOf('}', start));
  const declarations = [...block.matchAll(/--saiku-billing-([a-z0-9-]+):\s*([^;]+);/g)];
  if (declarations.length === 0) throw new Error(`The "${selector}" block of tokens.css declares nothing.`);
  return declarations.map(([, name, value]) => `--_sb-${name}:${value.trim()};`).join('');
}

/** Comments out, whitespace collapsed: the stylesheet ships inside the standalone file. */
function compact(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .trim();
}

/** The elements' stylesheet: host display rules, the theme's fallbacks, and every component's rules. */
export function shadowStyles() {
  const imports = [...readFileSync(stylesEntry, 'utf8').matchAll(/^@import '([^']+)';$/gm)].map(([, path]) =>
    resolve(dirname(stylesEntry), path),
  );
  const tokens = readFileSync(
    imports.find((path) => path.endsWith('/tokens.css')),
    'utf8',
  );
  const light = fallbacks(tokens, "[data-theme='light']");
  const dark = fallbacks(tokens, "[data-theme='dark']");
  const rules = imports
    .filter((path) => !path.endsWith('/tokens.css'))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n')
    .replace(/var\(--saiku-billing-([a-z0-9-]+)\)/g, 'var(--saiku-billing-$1,var(--_sb-$1))');
  return compact(`
    :host { display: block; ${light} }
    :host([hidden]) { display: none; }
    @media (prefers-color-scheme: dark) { :host(:not([theme='light'])) { ${dark} } }
    :host([theme='dark']) { ${dark} }
    /* A theme asked for by name is painted whole: dark text never lands on a light page's background. */
    :host([theme]) { background: var(--saiku-billing-bg,var(--_sb-bg)); color: var(--saiku-billing-fg,var(--_sb-fg)); }
    ${rules}`);
}

/** The id the elements import their stylesheet by; a Vite or esbuild plugin below answers it. */
export const shadowStylesId = 'virtual:saiku-billing-shadow-styles';

/** Vite (and Vitest, Storybook): `import styles from 'virtual:saiku-billing-shadow-styles'`. */
export function shadowStylesVitePlugin() {
  const resolved = `\0${shadowStylesId}`;
  return {
    name: 'saiku-shadow-styles',
    resolveId: (id) => (id === shadowStylesId ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(shadowStyles())};` : undefined),
  };
}

/** esbuild (the standalone file): the same module. */
export const shadowStylesEsbuildPlugin = {
  name: 'saiku-shadow-styles',
  setup(build) {
    build.onResolve({ filter: /^virtual:saiku-billing-shadow-styles$/ }, () => ({
      path: shadowStylesId,
      namespace: 'saiku-shadow-styles',
    }));
    build.onLoad({ filter: /.*/, namespace: 'saiku-shadow-styles' }, () => ({
      contents: `export default ${JSON.stringify(shadowStyles())};`,
      loader: 'js',
    }));
  },
};
