import { AsyncLocalStorage } from 'node:async_hooks';
import * as path from 'node:path';

/**
 * Where a run of the CLI writes and what it reads from its surroundings: the process's own streams,
 * environment and working directory for the `zcrm` bin, others for a run started in process by {@link run}
 * (tests, or an application embedding a command).
 */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const current = new AsyncLocalStorage<CliIo>();

/** The I/O of the run in progress; the process's own outside a run. */
export function cliIo(): CliIo {
  return (
    current.getStore() ?? {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
    }
  );
}

/** Runs `work` with `io` as the run's I/O (every command reached from it, however deep, sees it). */
export function withCliIo<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  return current.run(io, work);
}

/** A path the user gave, resolved against the run's working directory. */
export function resolveCliPath(file: string): string {
  return path.resolve(cliIo().cwd, file);
}
