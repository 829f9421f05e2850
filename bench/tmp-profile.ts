import { startEmulator } from '../src/emulator';
import { ZCRMRestClient } from '../src/api/rest-client';
import { ALL_SCOPES } from '../test/support/emulator';
import axios from 'axios';
import http from 'node:http';
const EMAIL = 'patricia.boyle@zylker.com';
(async () => {
  const emulator = await startEmulator({ edition: 'ultimate' });
  const mk = async (extra: object) => {
    const c = new ZCRMRestClient({ clientId: emulator.clientId, clientSecret: emulator.clientSecret, apiBaseUrl: emulator.url, accountsUrl: emulator.url, currentUserEmail: EMAIL, tokenStore: 'memory', ...extra });
    await c.oauthClient.generateAccessToken(await emulator.issueGrantToken({ scope: ALL_SCOPES, email: EMAIL }));
    return c;
  };
  const full = await mk({});
  const nothrottle = await mk({ throttle: false });
  const token = await full.oauthClient.getAccessToken(EMAIL);
  const raw = axios.create({ httpAgent: new http.Agent({ keepAlive: true }), validateStatus: () => true });
  const rawSignal = async () => { await raw.get(`${emulator.url}/crm/v2/Leads?per_page=1`, { headers: { Authorization: `Zoho-oauthtoken ${token}` }, signal: AbortSignal.any([AbortSignal.timeout(30000)]) }); };
  const runs: Record<string, () => Promise<unknown>> = {
    raw: () => raw.get(`${emulator.url}/crm/v2/Leads?per_page=1`, { headers: { Authorization: `Zoho-oauthtoken ${token}` } }),
    rawSignal,
    full: () => full.request({ path: 'Leads', params: { per_page: 1 } }),
    nothrottle: () => nothrottle.request({ path: 'Leads', params: { per_page: 1 } }),
  };
  for (let r = 0; r < 2; r++) for (const [n, f] of Object.entries(runs)) {
    const s = performance.now();
    for (let i = 0; i < 200; i++) await f();
    console.log(n, ((performance.now() - s) / 200).toFixed(2), 'ms');
  }
  await emulator.stop(); process.exit(0);
})();
