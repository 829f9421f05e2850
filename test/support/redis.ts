import { spawnSync } from 'node:child_process';

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
