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
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
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

/** A TypeScript child process whose whole output is collected. */
export interface TsRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/**
 * Runs a TypeScript entry point of this repository (ts-node, transpile only) and collects its output.
 * `ZCRM_*` variables are removed from the environment unless given in `env`, so examples use their embedded emulator.
 */
export function runTs(script: string, args: string[] = [], env: Record<string, string> = {}): TsRun {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('ZCRM_')),
  );
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}
