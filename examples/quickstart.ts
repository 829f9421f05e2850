/**
 * Quickstart: start the local Zoho CRM emulator, log in the way a Zoho "Self Client" does (grant token →
 * access token), list Leads over plain HTTP and print them. Run it with `npm run quickstart`.
 */
import { startEmulator } from '../src/emulator';

interface Lead {
  id: string;
  Full_Name?: string | null;
  Last_Name?: string | null;
  Company?: string | null;
  Email?: string | null;
  Lead_Source?: string | null;
}

async function main(): Promise<void> {
  const emulator = await startEmulator();
  try {
    console.log(`Zoho CRM emulator listening on ${emulator.url}`);

    // 1. A grant token, as the Self Client console would issue it.
    const grantToken = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });

    // 2. Exchange it for an access token at the Accounts token endpoint.
    const tokenResponse = await fetch(`${emulator.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
        code: grantToken,
      }),
    });
    const tokens = (await tokenResponse.json()) as { access_token?: string; error?: string };
    if (!tokens.access_token)
      throw new Error(`token exchange failed: ${tokens.error ?? tokenResponse.status}`);

    // 3. List Leads with the `Zoho-oauthtoken` authorization scheme.
    const leadsResponse = await fetch(
      `${emulator.url}/crm/v2/Leads?fields=Full_Name,Last_Name,Company,Email,Lead_Source`,
      {
        headers: { Authorization: `Zoho-oauthtoken ${tokens.access_token}` },
      },
    );
    // Zoho answers an empty list with 204 and no body.
    const leads = leadsResponse.status === 204 ? [] : ((await leadsResponse.json()) as { data: Lead[] }).data;
    console.log(`\n${leads.length} lead(s):\n`);
    printTable(
      ['Name', 'Company', 'Email', 'Source'],
      leads.map((l) => [
        l.Full_Name ?? l.Last_Name ?? '',
        l.Company ?? '',
        l.Email ?? '',
        l.Lead_Source ?? '',
      ]),
    );
  } finally {
    await emulator.stop();
  }
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
