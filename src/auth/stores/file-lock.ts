import { open, readFile, unlink } from 'node:fs/promises';
import { ZCRMException } from '../../errors/zcrm-exception';

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /** A lock older than this, or whose process is gone, is taken over. */
  staleMs?: number;
}

/**
 * Runs `work` while holding `lockPath`, a lock file created exclusively (`O_EXCL`) and holding the owner's pid
 * and time, so that processes sharing a directory take turns. A lock left by a dead process, or older than
 * `staleMs`, is removed.
 */
export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, time: Date.now() }));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (await isStale(lockPath, staleMs)) {
        await unlink(lockPath).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) {
        throw new ZCRMException({
          errorCode: 'LOCK_TIMEOUT',
          errorMessage: `Timed out waiting for the lock file ${lockPath}`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  let owner: { pid?: number; time?: number };
  try {
    owner = JSON.parse(await readFile(lockPath, 'utf8'));
  } catch {
    // Unreadable or half-written: the owner may be writing it right now; only age can tell.
    return false;
  }
  if (typeof owner.time === 'number' && Date.now() - owner.time > staleMs) return true;
  return typeof owner.pid === 'number' && !processAlive(owner.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
