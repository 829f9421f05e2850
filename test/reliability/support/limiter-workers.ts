import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { bundleEnv, bundleScript } from './bundle';

/** An emulator as the run needs it: where it is and an access token for `user`. */
export interface LimiterTarget {
  url: string;
  clientId: string;
  clientSecret: string;
  accessToken: string;
  user: string;
}

export interface LimiterRunOptions {
  processes: number;
  callsPerProcess: number;
  /** Calls each process keeps in flight (far above the org's limit, so the limiter has to hold them back). */
  inFlightPerProcess: number;
  /** The org's concurrency limit, set on the emulator and given to every process's throttle. */
  concurrency: number;
  redis: { host: string; port: number };
  /** The limiter id the processes share (unique per run, so runs do not share Redis state). */
  limiterId: string;
}

export interface LimiterRunResult {
  calls: number;
  ok: number;
  /** Errors the callers saw, by `status code`. */
  surfaced: Record<string, number>;
  /** Calls rejected with 429 that reached a caller. */
  surfaced429: number;
  /** Attempts the emulator answered 429 (retried or not). */
  served429: number;
  ms: number;
}

interface WorkerAnswer {
  ok: number;
  surfaced: Record<string, number>;
  served429: number;
  ms: number;
  fatal?: string;
}

/**
 * Runs `processes` OS processes that share one Redis-backed limiter (every client with the same throttle id)
 * against the emulator's concurrency limit, all starting at once, and sums what they saw.
 */
export async function runSharedLimiter(
  target: LimiterTarget,
  options: LimiterRunOptions,
): Promise<LimiterRunResult> {
  await fetch(`${target.url}/__emulator/limits`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      concurrency: options.concurrency,
      creditsPerDay: 100_000_000,
      resetCredits: true,
    }),
  });
  const plan = {
    config: {
      clientId: target.clientId,
      clientSecret: target.clientSecret,
      apiBaseUrl: target.url,
      accountsUrl: target.url,
      currentUserEmail: target.user,
      throttle: { maxConcurrent: options.concurrency, redis: options.redis, id: options.limiterId },
    },
    accessToken: target.accessToken,
    calls: options.callsPerProcess,
    inFlight: options.inFlightPerProcess,
  };
  const script = bundleScript(join(__dirname, 'limiter-worker.ts'));
  const env = bundleEnv({ ZCRM_LIMITER_WORKER: JSON.stringify(plan) });
  const children = Array.from({ length: options.processes }, () =>
    fork(script, [], { env, execArgv: [], stdio: 'inherit' }),
  );
  // Every process has its client ready before any starts, so they compete from the first call.
  await Promise.all(children.map((child) => nextAnswer(child)));
  const started = Date.now();
  const answers = children.map((child) => nextAnswer(child));
  for (const child of children) child.send({ go: true });
  const results = await Promise.all(answers);
  const surfaced: Record<string, number> = {};
  for (const r of results)
    for (const [key, n] of Object.entries(r.surfaced)) surfaced[key] = (surfaced[key] ?? 0) + n;
  return {
    calls: options.processes * options.callsPerProcess,
    ok: results.reduce((sum, r) => sum + r.ok, 0),
    surfaced,
    surfaced429: Object.entries(surfaced)
      .filter(([key]) => key.startsWith('429 '))
      .reduce((sum, [, n]) => sum + n, 0),
    served429: results.reduce((sum, r) => sum + r.served429, 0),
    ms: Date.now() - started,
  };
}

/** One line for logs and the README: processes × calls, 429s, throughput. */
export function describeRun(options: LimiterRunOptions, result: LimiterRunResult): string {
  const perSecond = Math.round((result.calls / result.ms) * 1000);
  return (
    `${options.processes} processes × ${options.callsPerProcess} calls (org concurrency ${options.concurrency}): ` +
    `${result.ok}/${result.calls} ok, 429 surfaced to callers ${result.surfaced429}, ` +
    `429 answered by the server ${result.served429}, ${result.ms} ms (${perSecond} calls/s)` +
    (Object.keys(result.surfaced).length > 0 ? `, errors ${JSON.stringify(result.surfaced)}` : '')
  );
}

function nextAnswer(child: ChildProcess): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`limiter worker exited (${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (answer: WorkerAnswer) => {
      child.off('exit', onExit);
      if (answer.fatal) reject(new Error(answer.fatal));
      else resolve(answer);
    });
  });
}
