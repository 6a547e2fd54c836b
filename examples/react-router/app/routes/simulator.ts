// The simulator's stand-in Checkout and Portal pages (only without SAIKU_API_KEY).
import { simulator } from '../saiku.server';
import type { Route } from './+types/simulator';

function serve({ request }: Route.LoaderArgs | Route.ActionArgs) {
  return simulator ? simulator.fetch(request) : new Response('Not found', { status: 404 });
}

export { serve as loader, serve as action };
