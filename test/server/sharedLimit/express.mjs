// docs/server.md's "Rate limits across servers" Express recipe, run as one of two servers by
// test/server/sharedLimit.test.ts over the BUILT dist/server/index.js: one budget in Redis for both.
import express from 'express';
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { createBillingProxy, toNodeHandler } from '../../../dist/server/index.js';

// No offline queue and one retry: with Redis down, consume() fails at once (and the proxy lets the
// request through, telling onError) instead of waiting for a reconnect.
const redis = new Redis({
  host: '127.0.0.1',
  port: Number(process.env.REDIS_PORT ?? 6379),
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
});
redis.on('error', () => {}); // reconnects by itself; onError below hears what it costs a request

const billing = createBillingProxy({
  apiKey: process.env.SAIKU_API_KEY ?? '',
  baseUrl: process.env.SAIKU_BASE_URL,
  rateLimit: {
    // The same keyPrefix on every server: one budget of 10 session mints a minute per tenant.
    limiter: new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'saiku-billing',
      points: 10,
      duration: 60,
    }),
  },
  onError: (error) => console.log(`onError: ${error.message}`),
});

const app = express();
app.use(toNodeHandler(billing));
const server = app.listen(0, '127.0.0.1', () =>
  console.log(`listening on http://127.0.0.1:${server.address().port}`),
);
process.on('SIGTERM', () => {
  server.close();
  redis.disconnect();
});
