import { mkdir, rm, stat } from 'node:fs/promises';
import { lock } from 'proper-lockfile';
import { ZCRMException } from '../../errors/zcrm-exception';

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** Give up waiting for a live holder after this long (default 120 s, beyond any one refresh with its retries). */
  timeoutMs?: number;
  /** A lock whose heartbeat is older than this was left by a dead process and is broken (default 5 s). */
  staleMs?: number;
  /** How often the holder renews the lock's time (default a fifth of `staleMs`; proper-lockfile's floor is 1 s). */
  heartbeatMs?: number;
}

/**
 * Runs `work` while holding `lockPath`, so that processes sharing a directory take turns. The lock is a directory
 * made by proper-lockfile, whose heartbeat renews its time while `work` runs however long that takes (a refresh
 * waiting on the network), so the lock goes stale within `staleMs` only when its holder died. Breaking a stale
 * lock happens under a second, short-lived lock, and only after seeing it stale again there: two waiters that
 * find the same stale lock cannot both break it (one would remove the fresh lock the other has just taken).
 */
export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const release = await acquire(lockPath, options);
  try {
    return await work();
  } finally {
    // Rejects only when the lock was broken meanwhile (the holder was frozen past `staleMs`); nothing to undo then.
    await release().catch(() => undefined);
  }
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<() => Promise<void>> {
  const staleMs = options.staleMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? Math.max(1_000, Math.floor(staleMs / 5));
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    try {
      return await lock(lockPath, {
        lockfilePath: lockPath,
        realpath: false,
        // Staleness is judged by breakIfStale below; proper-lockfile's own stale check would race.
        stale: Number.MAX_SAFE_INTEGER,
        update: heartbeatMs,
        retries: 0,
        // A holder frozen past `staleMs` loses the lock; its token write is atomic, so there is nothing to repair.
        onCompromised: () => undefined,
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    }
    await breakIfStale(lockPath, staleMs);
    if (Date.now() > deadline) {
      throw new ZCRMException({
        errorCode: 'LOCK_TIMEOUT',
        errorMessage: `Timed out waiting for the lock ${lockPath}`,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}

/**
 * Removes `lockPath` if its time is older than `staleMs`, holding `<lockPath>.break` (made with an exclusive
 * `mkdir`) while it looks again. A breaker is held for two file-system calls, so one older than `staleMs` was
 * left by a process killed in between, and is removed.
 */
async function breakIfStale(lockPath: string, staleMs: number): Promise<void> {
  if (!(await olderThan(lockPath, staleMs))) return;
  const breaker = `${lockPath}.break`;
  try {
    await mkdir(breaker);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (await olderThan(breaker, staleMs)) await rm(breaker, { recursive: true, force: true });
    return;
  }
  try {
    // A lock file of the versions before the heartbeat is a plain file: `rm` removes either kind.
    if (await olderThan(lockPath, staleMs)) await rm(lockPath, { recursive: true, force: true });
  } finally {
    await rm(breaker, { recursive: true, force: true });
  }
}

async function olderThan(path: string, ageMs: number): Promise<boolean> {
  try {
    return (await stat(path)).mtimeMs < Date.now() - ageMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
