import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/billing.tsx'),
  // Resource routes (no component): the billing proxy, and the simulator's stand-in pages.
  route('api/billing/*', 'routes/api.billing.ts'),
  route('simulator/*', 'routes/simulator.ts'),
] satisfies RouteConfig;
