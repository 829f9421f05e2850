import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** A TypeScript child process (ts-node, transpile only) whose stdout is read line by line. */
export interface TsChild {
  process: ChildProcess;
  /** Resolves with the next stdout line. */
  nextLine(): Promise<string>;
}

export function spawnTs(script: string, env: Record<string, string>): TsChild {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: Array<(line: string) => void> = [];
  let buffer = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let index;
    while ((index = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  return {
    process: child,
    nextLine: () =>
      new Promise((resolve, reject) => {
        const queued = lines.shift();
        if (queued !== undefined) return resolve(queued);
        waiters.push(resolve);
        child.once('exit', (code) => reject(new Error(`child exited (${code}) before printing a line`)));
      }),
  };
}
