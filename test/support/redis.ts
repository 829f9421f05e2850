import { spawnSync } from 'node:child_process';
import IORedis from 'ioredis';

export const REDIS = { host: '127.0.0.1', port: 6379 };

/**
 * `describe` for suites that need Redis: skips with a printed reason when it is unreachable, or fails under
 * `ZCRM_TEST_DB=required` (CI starts Redis beside the databases).
 */
export function describeRedis(name: string, body: () => void): void {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const R = require('ioredis'); const r = new R({ ...${JSON.stringify(REDIS)}, lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 });
      r.connect().then(() => r.ping()).then(() => { console.log('ok'); r.disconnect(); }, (e) => { console.log(e.message); r.disconnect(); });`,
    ],
    { cwd: `${__dirname}/../..`, encoding: 'utf8', timeout: 15_000 },
  );
  const answer = probe.stdout.trim();
  if (answer === 'ok') return describe(name, body);
  const why = `Redis at ${REDIS.host}:${REDIS.port} is not reachable: ${answer || probe.stderr.trim() || 'probe failed'}`;
  if (process.env.ZCRM_TEST_DB === 'required') {
    return describe(name, () =>
      it('needs Redis (ZCRM_TEST_DB=required)', () => {
        throw new Error(why);
      }),
    );
  }
  console.log(`Skipping "${name}": ${why}`);
  describe.skip(name, body);
}

/**
 * Forgets every process registered on bottleneck limiter `id`, as bottleneck itself does to a process that
 * misses a capacity hand-off or its heartbeats: each must re-register on its next script.
 */
export async function dropLimiterClients(id: string): Promise<void> {
  const redis = new IORedis(REDIS);
  try {
    await redis.del(
      ...['running', 'num_queued', 'last_registered', 'last_seen'].map((key) => `b_${id}_client_${key}`),
    );
  } finally {
    redis.disconnect();
  }
}

/** How many jobs limiter `id` has completed, across all processes (0 before its first). */
export async function limiterJobsDone(id: string): Promise<number> {
  const redis = new IORedis(REDIS);
  try {
    return Number((await redis.hget(`b_${id}_settings`, 'done')) ?? 0);
  } finally {
    redis.disconnect();
  }
}
