import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { run } from '../../src/cli/main';
import type { RunningEmulator } from '../../src/emulator';
import { ALL_SCOPES } from '../support/emulator';

export const ROOT = path.resolve(__dirname, '../..');

/** What a finished `zcrm` run left. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it; not a TTY, as a pipe is not. */
function collector(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

/**
 * Runs `zcrm` in this process (`run` of `src/cli/main.ts`) with exactly `env` plus PATH and HOME, so no ZCRM_*
 * variable of the test environment leaks in, and `cwd` as its working directory. The bin itself is run by the
 * pack test.
 */
export async function runCli(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  const code = await run(args, {
    stdout,
    stderr,
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The environment that points `zcrm` at an emulator, tokens in the given store. */
export function emulatorEnv(
  emulator: RunningEmulator,
  tokenStore: string,
  user?: string,
): Record<string, string> {
  return {
    ZCRM_CLIENT_ID: emulator.clientId,
    ZCRM_CLIENT_SECRET: emulator.clientSecret,
    ZCRM_ACCOUNTS_URL: emulator.url,
    ZCRM_API_BASE_URL: emulator.url,
    ZCRM_TOKEN_STORE: tokenStore,
    ...(user ? { ZCRM_USER_EMAIL: user } : {}),
  };
}

/** A grant code for `email` with every scope. */
export function grantCode(emulator: RunningEmulator, email: string): Promise<string> {
  return emulator.issueGrantToken({ scope: ALL_SCOPES, email });
}

/** The tokens a file store holds, by user. */
export function fileTokens(directory: string): Record<string, { accessToken: string; refreshToken: string }> {
  return JSON.parse(readFileSync(path.join(directory, 'zcrm_oauthtokens.json'), 'utf8')).tokens;
}

/** Fails when any of `secrets` appears in the run's output. */
export function expectNoSecrets(run: CliRun, secrets: Array<string | undefined>): void {
  for (const secret of secrets) {
    if (!secret) continue;
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}
