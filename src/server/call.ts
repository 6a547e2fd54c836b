/** What the steps of one request share, so each can answer on its own. */
import type { BillingBackend } from '../core/types';
import type { InputRules } from './checkInput';
import type { ProxyConfig } from './proxyOptions';
import type { Route } from './routes';

/**
 * A request being answered, and the key to keep out of what `onError` hears (null until it is known):
 * all that telling `onError` needs, for the proxy and the access check alike.
 */
export interface Reporting {
  request: Request;
  config: Pick<ProxyConfig, 'onError'>;
  key: string | null;
}

/** A request the proxy is answering. */
export interface Asking extends Reporting {
  config: ProxyConfig;
}

/** A request on one of the routes, its key resolved: what the route's steps read. */
export interface Call extends Asking {
  key: string;
  route: Route;
  rules: InputRules;
  /** A form post's own page: where its URLs default to; null on the JSON routes. */
  page: string | null;
  /** The Saiku API, with the key, aborted when the browser leaves. */
  client: BillingBackend;
}
