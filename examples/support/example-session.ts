/**
 * How the examples connect: to a real Zoho CRM account when `ZCRM_CLIENT_ID` is set in the environment, otherwise
 * to an emulator started inside the process (so `npx ts-node examples/<name>.ts` works with no account at all).
 *
 * Real-account variables: `ZCRM_CLIENT_ID`, `ZCRM_CLIENT_SECRET`, `ZCRM_CURRENT_USER_EMAIL` (required), and either
 * `ZCRM_GRANT_TOKEN` (a Self Client grant code to exchange) or `ZCRM_REFRESH_TOKEN`; optional `ZCRM_API_BASE_URL`,
 * `ZCRM_ACCOUNTS_URL`, `ZCRM_REDIRECT_URI`, `ZCRM_TOKEN_PERSISTENCE_PATH` (keeps tokens between runs).
 */
import { ZCRMRestClient } from 'zcrm';
import { startEmulator } from 'zcrm/emulator';

export interface ExampleSession {
  /** The process-wide client (`ZCRMRestClient.initialize`), so the seed-style `getInstance()` calls need no client. */
  client: ZCRMRestClient;
  /** Where the calls go. */
  target: string;
  close(): Promise<void>;
}

/**
 * The scopes the examples' grant asks for: the ORM reads through the list API (module scopes), search
 * (`ZohoSearch.securesearch.READ`) and COQL (`ZohoCRM.coql.READ`); `AaaServer.profile.READ` names the user.
 */
const EMULATOR_SCOPES = [
  'ZohoCRM.modules.ALL',
  'ZohoCRM.settings.ALL',
  'ZohoCRM.users.ALL',
  'ZohoCRM.org.ALL',
  'ZohoCRM.coql.READ',
  'ZohoSearch.securesearch.READ',
  'AaaServer.profile.READ',
].join(',');

export async function openSession(env: NodeJS.ProcessEnv = process.env): Promise<ExampleSession> {
  if (env.ZCRM_CLIENT_ID) return realAccount(env);
  const emulator = await startEmulator();
  const email = 'patricia.boyle@zylker.com';
  const client = ZCRMRestClient.initialize({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiBaseUrl: emulator.url,
    accountsUrl: emulator.url,
    currentUserEmail: email,
    tokenStore: 'memory',
  });
  await client.oauthClient.generateAccessToken(
    await emulator.issueGrantToken({ scope: EMULATOR_SCOPES, email }),
  );
  return {
    client,
    target: `the embedded emulator at ${emulator.url}`,
    async close() {
      await client.close();
      await emulator.stop();
    },
  };
}

async function realAccount(env: NodeJS.ProcessEnv): Promise<ExampleSession> {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} must be set when ZCRM_CLIENT_ID is`);
    return value;
  };
  const email = required('ZCRM_CURRENT_USER_EMAIL');
  const client = ZCRMRestClient.initialize({
    clientId: required('ZCRM_CLIENT_ID'),
    clientSecret: required('ZCRM_CLIENT_SECRET'),
    currentUserEmail: email,
    ...(env.ZCRM_API_BASE_URL ? { apiBaseUrl: env.ZCRM_API_BASE_URL } : {}),
    ...(env.ZCRM_ACCOUNTS_URL ? { accountsUrl: env.ZCRM_ACCOUNTS_URL } : {}),
    ...(env.ZCRM_REDIRECT_URI ? { redirectUri: env.ZCRM_REDIRECT_URI } : {}),
    ...(env.ZCRM_TOKEN_PERSISTENCE_PATH
      ? { tokenPersistencePath: env.ZCRM_TOKEN_PERSISTENCE_PATH }
      : { tokenStore: 'memory' as const }),
  });
  if (env.ZCRM_GRANT_TOKEN) await client.oauthClient.generateAccessToken(env.ZCRM_GRANT_TOKEN);
  else if (env.ZCRM_REFRESH_TOKEN)
    await client.oauthClient.generateAccessTokenFromRefreshToken(env.ZCRM_REFRESH_TOKEN, email);
  return { client, target: client.config.apiBaseUrl, close: () => client.close() };
}
