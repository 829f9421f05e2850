import type { RunningEmulator } from '../../src/emulator';
import { ZCRMRestClient, ClientOptions } from '../../src/api/rest-client';
import type { ConfigInput } from '../../src/config/resolve-config';
import type { ZCRMLogger } from '../../src/config/logger';
import { ALL_SCOPES } from './emulator';

/** The emulator's users. */
export const PATRICIA = 'patricia.boyle@zylker.com';
export const KEVIN = 'kevin.hart@zylker.com';
export const PRIYA = 'priya.raman@zylker.com';

/** SDK configuration pointing at an emulator, with an in-memory store unless overridden. */
export function emulatorConfig(
  emulator: RunningEmulator,
  overrides: Record<string, unknown> = {},
): ConfigInput {
  return {
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiBaseUrl: emulator.url,
    accountsUrl: emulator.url,
    tokenStore: 'memory',
    retry: { baseDelayMs: 5, maxDelayMs: 2_000 },
    ...overrides,
  };
}

/** A client on the emulator, authorised for `email` through a real grant-token exchange. */
export async function authorisedClient(
  emulator: RunningEmulator,
  email = PATRICIA,
  overrides: Record<string, unknown> = {},
  options?: ClientOptions,
  scope = ALL_SCOPES,
): Promise<ZCRMRestClient> {
  const client = new ZCRMRestClient(
    emulatorConfig(emulator, { currentUserEmail: email, ...overrides }),
    options,
  );
  const code = await emulator.issueGrantToken({ scope, email });
  await client.oauthClient.generateAccessToken(code);
  return client;
}

/** JSON from an emulator admin route. */
export async function admin(
  emulator: RunningEmulator,
  method: string,
  route: string,
  body?: unknown,
): Promise<any> {
  const res = await fetch(`${emulator.url}/__emulator/${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

/** The emulator's request log. */
export async function requestLog(emulator: RunningEmulator, path?: string): Promise<any[]> {
  const query = path ? `?path=${encodeURIComponent(path)}` : '';
  return (await admin(emulator, 'GET', `requests${query}`)).requests;
}

/** Token-endpoint calls of one grant type logged by the emulator. */
export async function tokenRequests(emulator: RunningEmulator, grantType = 'refresh_token'): Promise<number> {
  return (await requestLog(emulator, '/oauth/v2/token')).filter((r) => r.grantType === grantType).length;
}

/** Scripts emulator faults. */
export function addFault(emulator: RunningEmulator, rule: Record<string, unknown>): Promise<unknown> {
  return admin(emulator, 'POST', 'faults', rule);
}

/** A logger that keeps every line, for assertions. */
export function memoryLogger(): ZCRMLogger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, debug: push('DEBUG'), info: push('INFO'), warn: push('WARN'), error: push('ERROR') };
}
