import Bottleneck from 'bottleneck';
import IORedis from 'ioredis';
import type { ResolvedConfig } from '../../config/client-config';

/**
 * A bottleneck limiter for one org's budget. With Redis, every limiter created with the same `id` (in any
 * process) shares one budget; otherwise the budget is this process's.
 */
export function createLimiter(throttle: NonNullable<ResolvedConfig['throttle']>): Bottleneck {
  const options: Bottleneck.ConstructorOptions = {
    id: throttle.id,
    maxConcurrent: throttle.maxConcurrent,
    minTime: throttle.minTimeMs,
  };
  if (throttle.redis === undefined) return new Bottleneck(options);
  const client = typeof throttle.redis === 'string' ? new IORedis(throttle.redis) : new IORedis(throttle.redis);
  const connection = new Bottleneck.IORedisConnection({ client });
  // Jobs of a process that died stop counting after this long (Redis keeps the budget across processes).
  return new Bottleneck({ ...options, connection, datastore: 'ioredis', clearDatastore: false, timeout: 5 * 60_000 });
}
