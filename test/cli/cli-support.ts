import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { ALL_SCOPES } from '../support/emulator';

export const ROOT = path.resolve(__dirname, '../..');
const TS_NODE = require.resolve('ts-node/register/transpile-only');
const MAIN = path.join(ROOT, 'src/cli/main.ts');

/** What a finished `zcrm` process left. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `zcrm` (the TypeScript sources through ts-node) as its own process with exactly `env` plus PATH and
 * HOME, so no ZCRM_* variable of the test environment leaks in. `stdin` is not a TTY.
 */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, ['-r', TS_NODE, MAIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
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
