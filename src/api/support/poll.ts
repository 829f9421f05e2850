import { ConnectionException } from '../../errors/connection-exception';
import { sleep } from '../../http/steps/backoff';
import { ValidationException } from '../../errors/validation-exception';
import { ZCRMException } from '../../errors/zcrm-exception';

/** How long and how often to poll a bulk job. */
export interface PollOptions {
  /** Wait between status calls; default 5 s (Zoho's bulk jobs take seconds to minutes). */
  pollIntervalMs?: number;
  /** Give up after this long; default 10 minutes. */
  timeoutMs?: number;
  /** Stops waiting (rejects with a `ConnectionException` of failure `aborted`). */
  signal?: AbortSignal;
}

export const DEFAULT_POLL_INTERVAL_MS = 5_000;
export const DEFAULT_POLL_TIMEOUT_MS = 10 * 60_000;

/**
 * Calls `check` until it reports `done`, waiting `pollIntervalMs` between calls, for at most `timeoutMs`.
 * `failed` (a terminal failure state) and the deadline reject with a `ZCRMException` naming the job.
 */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T>,
  state: (value: T) => { done: boolean; failed?: string },
  options: PollOptions = {},
): Promise<T> {
  const interval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const timeout = options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
  if (!(interval >= 0) || !(timeout >= 0)) {
    throw ValidationException.invalidInput(
      'pollIntervalMs/timeoutMs',
      `${what}: must be non-negative numbers`,
    );
  }
  const deadline = Date.now() + timeout;
  for (;;) {
    if (options.signal?.aborted) throw ConnectionException.aborted(what);
    const value = await check();
    const current = state(value);
    if (current.failed !== undefined) {
      throw new ZCRMException({
        errorCode: 'BULK_JOB_FAILED',
        errorMessage: `${what} ended in state ${current.failed}`,
        errorContent: value,
      });
    }
    if (current.done) return value;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new ZCRMException({
        errorCode: 'BULK_JOB_TIMEOUT',
        errorMessage: `${what} did not complete within ${timeout} ms; poll again later or raise timeoutMs`,
      });
    }
    await sleep(Math.min(interval, remaining), options.signal, what);
  }
}
