/**
 * Issue 10.10: without `currentUserEmail`, the SDK acts as the user `generateAccessToken(code)` stored, or
 * as the token store's only user; with several stored users it still asks for one. Against the emulator
 * over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { ALL_SCOPES } from '../support/emulator';
import { emulatorConfig, KEVIN, PATRICIA } from '../support/sdk';

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator();
  dir = mkdtempSync(path.join(tmpdir(), 'zcrm-default-user-'));
});
afterAll(async () => {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

const currentUser = async (client: ZCRMRestClient) => (await client.getCurrentUser()).data[0]?.email;

test('generateAccessToken makes its user the current user when none is configured', async () => {
  const client = new ZCRMRestClient(emulatorConfig(emulator));
  try {
    expect(() => client.getCurrentUserEmailID()).toThrow(/Current user/);
    await client.oauthClient.generateAccessToken(
      await emulator.issueGrantToken({ scope: ALL_SCOPES, email: KEVIN }),
    );
    expect(client.getCurrentUserEmailID()).toBe(KEVIN);
    expect(await currentUser(client)).toBe(KEVIN);
    // A second grant does not take over.
    await client.oauthClient.generateAccessToken(
      await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PATRICIA }),
    );
    expect(await currentUser(client)).toBe(KEVIN);
  } finally {
    await client.close();
  }
});

test("a new client acts as the token store's only user; with two stored users it asks", async () => {
  const store = path.join(dir, 'store');
  const config = emulatorConfig(emulator, { tokenStore: undefined, token_persistence_path: store });
  const granting = new ZCRMRestClient(config);
  await granting.oauthClient.generateAccessToken(
    await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PATRICIA }),
  );
  await granting.close();

  const later = new ZCRMRestClient(config);
  try {
    expect(await currentUser(later)).toBe(PATRICIA);
  } finally {
    await later.close();
  }

  const second = new ZCRMRestClient(config);
  await second.oauthClient.generateAccessToken(
    await emulator.issueGrantToken({ scope: ALL_SCOPES, email: KEVIN }),
  );
  await second.close();
  const ambiguous = new ZCRMRestClient(config);
  try {
    await expect(ambiguous.getCurrentUser()).rejects.toMatchObject({ errorCode: 'NO_CURRENT_USER' });
  } finally {
    await ambiguous.close();
  }
});
