/** `zcrm check` as a process against the emulator: the mismatches it prints and its exit code. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { PATRICIA } from '../support/sdk';
import { emulatorEnv, grantCode, runCli } from './cli-support';

jest.setTimeout(120_000);

describe('zcrm check', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let env: Record<string, string>;
  const fixture = path.join(__dirname, 'fixtures', 'drifted-models.ts');
  beforeAll(async () => {
    emulator = await startEmulator();
    dir = mkdtempSync(path.join(tmpdir(), 'zcrm-cli-check-'));
    env = emulatorEnv(emulator, `file:${path.join(dir, 'tokens')}`, PATRICIA);
    expect((await runCli(['auth', 'grant', await grantCode(emulator, PATRICIA)], { env })).code).toBe(0);
  });
  afterAll(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints each mismatch of the models a file exports and exits 1', async () => {
    const run = await runCli(['check', fixture], { env, cwd: path.resolve(__dirname, '../..') });
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      'Deal.name: Deals has no field "Deal_Nme" (did you mean "Deal_Name"?)',
      'Deal.amount: declared text, but Deals.Amount is currency',
      'Deal.account: the lookup points at Contacts, but Deals.Account_Name looks up Accounts',
      'Invoice: the org has no module "Invocies" (did you mean "Invoices"?)',
      '4 mismatch(es) in 4 model(s)',
    ]);
    expect(run.stderr).toBe('zcrm: 4 mismatch(es) in 4 model(s)\n');
    expect(run.code).toBe(1);
  });

  it('models that match print so and exit 0', async () => {
    const file = path.join(dir, 'fine.ts');
    writeFileSync(
      file,
      `export { Account, Contact } from ${JSON.stringify(fixture.replace(/\.ts$/, ''))};\n`,
    );
    const run = await runCli(['check', file], { env, cwd: path.resolve(__dirname, '../..') });
    expect(run).toEqual({ code: 0, stdout: '2 model(s) match the org\n', stderr: '' });
  });

  it('a file exporting no model is a usage error', async () => {
    const run = await runCli(['check', path.join(__dirname, 'cli-support.ts')], {
      env,
      cwd: path.resolve(__dirname, '../..'),
    });
    expect(run.stderr).toContain('no @CrmModule model is exported by');
    expect(run.code).toBe(2);
  });
});
