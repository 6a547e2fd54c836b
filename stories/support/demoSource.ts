// The code the Introduction shows, cut from the demo's own files at build time (Vite `?raw`), so the docs
// cannot drift from code that type-checks and runs (`npm start`). A missing marker throws: the demo changed.
import pageSource from '../../demo/AdminPage.tsx?raw';
import appSource from '../../demo/App.tsx?raw';
import mainSource from '../../demo/main.tsx?raw';
import serverSource from '../../demo/server.mjs?raw';

type LineMatch = string | RegExp;

function matches(line: string, match: LineMatch): boolean {
  return typeof match === 'string' ? line.includes(match) : match.test(line);
}

/** The lines from the first one matching `from` through the next one matching `to`, de-indented. */
export function excerpt(source: string, from: LineMatch, to: LineMatch): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => matches(line, from));
  const end = start === -1 ? -1 : lines.findIndex((line, index) => index >= start && matches(line, to));
  if (start === -1 || end === -1) {
    throw new Error(
      `The demo no longer has the excerpt ${String(from)} … ${String(to)}: update stories/support/demoSource.ts.`,
    );
  }
  const picked = lines.slice(start, end + 1);
  const indent = Math.min(
    ...picked.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0),
  );
  return picked.map((line) => line.slice(indent)).join('\n');
}

/** The demo imports the library from ../src; a host imports the package. */
function asPackage(code: string): string {
  return code
    .replaceAll("'../src/styles.css'", "'@saiku/billing-react/styles.css'")
    .replaceAll("'../src'", "'@saiku/billing-react'");
}

export const demoSnippets = {
  /** demo/main.tsx: the styles and the root. */
  main: asPackage(excerpt(mainSource, 'import { StrictMode }', /^\);$/)).replace(
    "import './demo.css';\n",
    '',
  ),
  /** demo/App.tsx: imports, then the provider around the page. */
  appImports: asPackage(excerpt(appSource, 'import { QueryClient', "from '../src';")),
  app: excerpt(appSource, 'const allowedRedirectHosts', /^}$/),
  /** demo/AdminPage.tsx: the components on the page. */
  pageImports: asPackage(excerpt(pageSource, 'import {', "} from '../src';")),
  page: excerpt(pageSource, 'export function AdminPage()', /^}$/),
  /** demo/AdminPage.tsx: a custom panel from the hooks. */
  customPanel: excerpt(pageSource, 'function CustomPanel()', /^}$/),
  /** demo/server.mjs: the proxy, and mounting it in front of the app. */
  proxy: excerpt(
    serverSource,
    'const proxy = createBillingProxy(',
    'const proxyMiddleware = toNodeHandler(proxy);',
  ),
  mount: excerpt(serverSource, "server.on('request'", /^ {2}\}\);$/),
};
