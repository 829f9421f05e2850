/**
 * Many workers, one org: 8 OS processes × 10,000 calls, each process keeping 20 calls in flight, all sharing the
 * Redis-backed limiter (`throttle: { redis, id }`) against the emulator's concurrency limit of 10 (in its own
 * process). Prints how many 429s reached callers (target 0), how many the server answered, and the throughput.
 * Needs Redis at 127.0.0.1:6379; `ZCRM_BENCH_PROCESSES` / `ZCRM_BENCH_CALLS` shrink the run.
 * `test/reliability/redis-limiter.test.ts` is the bounded version.
 */
import { startEmulatorProcess } from './support/emulator-process';
import { ALL_SCOPES } from '../test/support/emulator';
import { describeRun, runSharedLimiter } from '../test/reliability/support/limiter-workers';

const PROCESSES = Number(process.env.ZCRM_BENCH_PROCESSES ?? 8);
const CALLS = Number(process.env.ZCRM_BENCH_CALLS ?? 10_000);
const REDIS = { host: '127.0.0.1', port: 6379 };

async function main(): Promise<void> {
  const emulator = await startEmulatorProcess();
  try {
    const options = {
      processes: PROCESSES,
      callsPerProcess: CALLS,
      inFlightPerProcess: 20,
      concurrency: 10,
      redis: REDIS,
      limiterId: `zcrm-bench-many-workers-${process.pid}-${Date.now()}`,
    };
    const accessToken = await emulator.accessToken(ALL_SCOPES);
    const result = await runSharedLimiter(
      { ...emulator, accessToken, user: 'patricia.boyle@zylker.com' },
      options,
    );
    console.log(`many-workers: ${describeRun(options, result)}`);
    if (result.surfaced429 > 0 || result.ok !== result.calls) process.exitCode = 1;
  } finally {
    await emulator.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
