/**
 * Quickstart: start the local Zoho CRM emulator, configure zcrm with the Python SDK's configuration keys,
 * exchange a Self Client grant token (tokens persist in the default SQLite store, `./.zcrm/tokens.sqlite`),
 * then list Leads through the SDK and print them. Run it with `npm run quickstart`.
 */
import { ZCRMModule, ZCRMRecord, ZCRMRestClient, ZohoOAuth } from 'zcrm';
import { startEmulator } from 'zcrm/emulator';

const USER = 'patricia.boyle@zylker.com';

async function main(): Promise<void> {
  const emulator = await startEmulator();
  let client: ZCRMRestClient | undefined;
  try {
    console.log(`Zoho CRM emulator listening on ${emulator.url}`);

    // 1. Configure the SDK exactly as a zcrmsdk user would (no store key: tokens go to the SQLite store).
    client = ZCRMRestClient.initialize({
      client_id: emulator.clientId,
      client_secret: emulator.clientSecret,
      redirect_uri: 'http://localhost/callback',
      currentUserEmail: USER,
      apiBaseUrl: emulator.url,
      accounts_url: emulator.url,
    });

    // 2. A grant token, as the Self Client console would issue it, exchanged once for persisted tokens.
    const grantToken = await emulator.issueGrantToken({
      scope: 'ZohoCRM.modules.ALL,ZohoCRM.settings.ALL,AaaServer.profile.READ',
      email: USER,
    });
    await ZohoOAuth.getClientInstance().generateAccessToken(grantToken);

    // 3. From here on the SDK finds, refreshes and sends the token itself.
    const response = await ZCRMModule.getInstance('Leads').getRecords({ perPage: 50 });
    console.log(`\n${response.data.length} lead(s):\n`);
    printTable(['Name', 'Company', 'Email', 'Source', 'Owner'], response.data.map(leadRow));
    const credits = response.getRemainingCredits();
    console.log(`\nAccess token valid until ${response.getExpiryTimeOfAccessToken() ?? 'unknown'}`);
    if (credits !== undefined) console.log(`API credits left today: ${credits}`);
  } finally {
    await client?.close();
    await emulator.stop();
  }
}

function leadRow(lead: ZCRMRecord): string[] {
  const text = (apiName: string) => {
    const value = lead.getFieldValue(apiName);
    return typeof value === 'string' ? value : '';
  };
  return [text('Full_Name'), text('Company'), text('Email'), text('Lead_Source'), lead.owner?.name ?? ''];
}

/** Prints rows under a header, each column padded to its widest cell. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
