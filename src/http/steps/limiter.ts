import type Bottleneck from 'bottleneck';
import type { ResolvedConfig } from '../../config/client-config';
import { loadOptional } from '../../config/lazy-dependency';

/** What the throttle step needs from a limiter (bottleneck's `schedule`/`disconnect` fit it). */
export interface Limiter {
  schedule<T>(work: () => Promise<T>): Promise<T>;
  disconnect(): Promise<void>;
}

/**
 * A concurrency cap inside one process: a semaphore that hands a freed slot straight to the next waiter. Used
 * for the common case (no Redis, no spacing) instead of bottleneck, whose local datastore yields to the timer
 * queue several times per job: that alone cost 4–10 ms per call here, several times a loopback round trip.
 */
export class ConcurrencyLimiter implements Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly maxConcurrent: number) {}

  async schedule<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.maxConcurrent) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  async disconnect(): Promise<void> {}
}

/**
 * The limiter for one org's budget: bottleneck when requests must be spaced (`minTimeMs`) or the budget is
 * shared through Redis (every limiter with the same `id`, in any process, shares it); otherwise the in-process
 * {@link ConcurrencyLimiter}.
 */
export function createLimiter(
  throttle: Omit<NonNullable<ResolvedConfig['throttle']>, 'heavyMaxConcurrent'>,
): Limiter {
  if (throttle.redis === undefined && throttle.minTimeMs <= 0) {
    return new ConcurrencyLimiter(throttle.maxConcurrent);
  }
  const feature =
    throttle.redis !== undefined
      ? 'The Redis-shared rate limiter (throttle.redis)'
      : 'Request spacing (throttle.minTimeMs)';
  const BottleneckClass = loadOptional<typeof import('bottleneck')>('bottleneck', feature).default;
  const options: Bottleneck.ConstructorOptions = {
    id: throttle.id,
    maxConcurrent: throttle.maxConcurrent,
    minTime: throttle.minTimeMs,
  };
  if (throttle.redis !== undefined) {
    const IORedis = loadOptional<typeof import('ioredis')>('ioredis', feature).default;
    const client =
      typeof throttle.redis === 'string' ? new IORedis(throttle.redis) : new IORedis(throttle.redis);
    const connection = new BottleneckClass.IORedisConnection({ client });
    readBottleneckErrorsFromRedis7(connection);
    const limiter = new BottleneckClass({
      ...options,
      connection,
      datastore: 'ioredis',
      clearDatastore: false,
      // Redis deletes the id's keys after this long with no activity, so ids no longer used do not pile up.
      // It is no job timeout: slots held by a process that died stay counted until then.
      timeout: 5 * 60_000,
    });
    return {
      schedule: (work) => limiter.schedule(work),
      // Bottleneck leaves a connection it was given open; it is ours to close.
      disconnect: async () => {
        await limiter.disconnect();
        await connection.disconnect();
      },
    };
  }
  return new BottleneckClass(options);
}

/** The part of bottleneck's connection that runs its Lua scripts (internal to bottleneck 2.19). */
interface ScriptRunner {
  __scriptFn__(name: string): (...args: unknown[]) => unknown;
}

/** The error codes bottleneck's Lua scripts raise and its datastore acts on. */
const REDIS7_PREFIXED_CODE = /^ERR (?=UNKNOWN_CLIENT|SETTINGS_KEY_NOT_FOUND|OVERWEIGHT:)/;

/**
 * Redis 7 prefixes `ERR ` to the errors bottleneck's scripts raise, and bottleneck 2.19.5 matches them exactly
 * (https://github.com/SGrondin/bottleneck/issues/212). A process that Redis has dropped from the budget (it missed
 * a capacity hand-off by 1 s or a heartbeat by 10 s, easy on a loaded machine) then never re-registers: every
 * script it runs fails with `ERR UNKNOWN_CLIENT` and its queued calls wait forever. Stripping the prefix before
 * bottleneck sees the error restores its re-registration (and its re-creation of expired keys).
 */
function readBottleneckErrorsFromRedis7(connection: Bottleneck.IORedisConnection): void {
  const runner = connection as unknown as ScriptRunner;
  const scriptFn = runner.__scriptFn__.bind(runner);
  runner.__scriptFn__ = (name) => {
    const run = scriptFn(name);
    return (...args) => {
      const done = args.pop() as (err: Error | null, replies: unknown) => void;
      return run(...args, (err: Error | null, replies: unknown) => {
        if (err) err.message = err.message.replace(REDIS7_PREFIXED_CODE, '');
        done(err, replies);
      });
    };
  };
}

/** The org's limiters: one for every request, and one more that heavy requests also pass through. */
export interface Limiters {
  general: Limiter;
  heavy: Limiter;
}

export function createLimiters(throttle: NonNullable<ResolvedConfig['throttle']>): Limiters {
  return {
    general: createLimiter(throttle),
    heavy: createLimiter({
      ...throttle,
      maxConcurrent: throttle.heavyMaxConcurrent,
      minTimeMs: 0,
      id: `${throttle.id}-heavy`,
    }),
  };
}
