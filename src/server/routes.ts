/** The proxy's routes under its `basePath`: which method each takes and whether it speaks JSON or HTML forms. */

/** Every route the proxy serves; the handler's `switch` over it is exhaustive. */
export type RouteName = 'state' | 'checkout-session' | 'portal-session' | 'checkout' | 'portal';

export interface Route {
  name: RouteName;
  method: 'GET' | 'POST';
  /** `json` for `fetch` callers, `form` for a no-JavaScript form post that answers 303. */
  kind: 'json' | 'form';
}

const routes: { readonly [name in RouteName]: Omit<Route, 'name'> } = {
  state: { method: 'GET', kind: 'json' },
  'checkout-session': { method: 'POST', kind: 'json' },
  'portal-session': { method: 'POST', kind: 'json' },
  checkout: { method: 'POST', kind: 'form' },
  portal: { method: 'POST', kind: 'form' },
};

function isRouteName(name: string): name is RouteName {
  return Object.hasOwn(routes, name);
}

/** The route at `pathname`, or null when there is none under `basePath`. */
export function routeAt(pathname: string, basePath: string): Route | null {
  if (!pathname.startsWith(`${basePath}/`)) return null;
  const name = pathname.slice(basePath.length + 1);
  return isRouteName(name) ? { name, ...routes[name] } : null;
}
