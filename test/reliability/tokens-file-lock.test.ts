import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { TOKEN_FILE_NAME } from '../../src/auth/stores/file-token-store';
import type { ConfigInput } from '../../src/config/resolve-config';
import { ALL_SCOPES } from '../support/emulator';
import { addFault, admin, emulatorConfig, PRIYA, tokenRequests } from '../support/sdk';
import { bundleEnv, bundleScript } from './support/bundle';
import { TokenWorkers } from './support/token-processes';

const root = mkdtempSync(join(tmpdir(), 'zcrm-file-lock-'));

describe('JSON file store lock across processes', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.stop());

  it('lets only one of several processes that find the same stale lock refresh', async () => {
    const directory = join(root, 'stale-race');
    const config = emulatorConfig(emulator, {
      tokenStore: undefined,
      token_persistence_path: directory,
      currentUserEmail: PRIYA,
    }) as ConfigInput;
    const parent = new ZCRMRestClient(config);
    await parent.oauthClient.generateAccessToken(
      await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PRIYA }),
    );
    await parent.close();
    const workers = await TokenWorkers.start(6, config);
    try {
      for (let trial = 1; trial <= 5; trial++) {
        // A lock left by a holder that died a minute ago: every worker finds it stale at the same moment.
        const lock = join(directory, `${TOKEN_FILE_NAME}.lock`);
        writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 4321, time: Date.now() - 60_000 }));
        const longAgo = new Date(Date.now() - 60_000);
        utimesSync(lock, longAgo, longAgo);
        emulator.advanceClock(3700);
        await admin(emulator, 'DELETE', 'requests');
        // A slow Accounts answer keeps the winner's refresh in flight while the others look at the lock.
        await addFault(emulator, { path: '/oauth/v2/token', times: 6, delayMs: 400 });
        const results = await workers.round(2);
        expect(results.flatMap((r) => r.errors)).toEqual([]);
        expect(new Set(results.map((r) => r.token)).size).toBe(1);
        expect({ trial, refreshes: await tokenRequests(emulator) }).toEqual({ trial, refreshes: 1 });
        await admin(emulator, 'DELETE', 'faults');
      }
    } finally {
      await workers.stop();
    }
  }, 60_000);

  it('never leaves the file empty, corrupt or readable by others when writers are killed mid-write', async () => {
    const directory = join(root, 'kill-9');
    mkdirSync(directory, { recursive: true });
    const file = join(directory, TOKEN_FILE_NAME);
    const script = bundleScript(join(__dirname, 'support/file-writer.ts'));
    const problems: string[] = [];
    let lastTotal = 0;
    let checks = 0;
    /** The file as any reader would see it; the sum of the counters only grows (no save is undone). */
    const check = (when: string) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' && lastTotal === 0) return;
        problems.push(`${when}: ${String(err)}`);
        return;
      }
      checks++;
      try {
        const tokens = Object.values(JSON.parse(text).tokens) as Array<{ accessToken: string }>;
        const total = tokens.reduce((sum, t) => sum + Number(t.accessToken.split('.')[1]), 0);
        if (total < lastTotal) problems.push(`${when}: counters went back from ${lastTotal} to ${total}`);
        lastTotal = total;
      } catch (err) {
        problems.push(`${when}: ${text.length} bytes that do not parse (${String(err)})`);
      }
      const mode = statSync(file).mode & 0o777;
      if (mode !== 0o600) problems.push(`${when}: mode ${mode.toString(8)}`);
    };
    const poller = setInterval(() => check('while writing'), 2);
    try {
      for (let kill = 1; kill <= 10; kill++) {
        const writer = fork(script, [], { env: bundleEnv({ ZCRM_WRITER_DIR: directory }), stdio: 'inherit' });
        await new Promise((resolve, reject) => {
          writer.once('message', resolve);
          writer.once('exit', (code) => reject(new Error(`writer exited (${code})`)));
        });
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 150));
        const exited = new Promise((resolve) => writer.once('exit', resolve));
        writer.kill('SIGKILL');
        await exited;
        check(`after kill ${kill}`);
      }
    } finally {
      clearInterval(poller);
    }
    expect(problems).toEqual([]);
    expect(checks).toBeGreaterThan(100);
    expect(lastTotal).toBeGreaterThan(10);
  }, 120_000);
});
