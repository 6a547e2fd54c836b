// The simulator's stand-in Checkout and Portal pages (only without SAIKU_API_KEY).
import { simulator } from '@/lib/saiku';

function handler(request: Request): Promise<Response> | Response {
  return simulator ? simulator.fetch(request) : new Response('Not found', { status: 404 });
}

export { handler as GET, handler as POST };
