import type { SeedFile } from '../../src/emulator';
import { startTestEmulator } from '../support/emulator';

/**
 * Records for the search and COQL suites, with tricky values: commas, brackets, backslashes, quotes,
 * unicode, `%`. Seeding is deterministic, so a probe run tells the ids the accounts will get and the
 * contacts can point at them.
 */
export const ACCOUNTS = [
  { Account_Name: 'Zylker', Phone: '555-1000', Employees: 500 },
  { Account_Name: 'Acme (West), Inc', Employees: 20 },
];

export const LEADS: Array<Record<string, unknown>> = [
  {
    First_Name: 'Maria',
    Last_Name: 'Burns,B',
    Company: 'Zylker (EU)',
    Email: 'maria@zylker.com',
    Phone: '+1 (555) 010-0001',
    Lead_Source: 'Advertisement',
    Annual_Revenue: 250000.5,
    No_of_Employees: 120,
    Email_Opt_Out: true,
    Hobbies: ['Chess', 'Golf'],
    Follow_Up: '2024-01-10T09:00:00+05:30',
  },
  {
    First_Name: 'Mike',
    Last_Name: 'Back\\slash',
    Company: 'Acme',
    Email: 'mike@acme.com',
    Secondary_Email: 'm@home.org',
    Mobile: '555-0102',
    Lead_Source: 'Cold Call',
    Annual_Revenue: 1000,
    No_of_Employees: 5,
    Hobbies: ['Golf'],
    Follow_Up: '2024-02-15T18:30:00+05:30',
  },
  {
    First_Name: 'Zoë',
    Last_Name: 'Ünïcödé',
    Company: 'Café ☕',
    Email: 'zoe@cafe.fr',
    Lead_Source: 'Advertisement',
    Annual_Revenue: 50000,
    No_of_Employees: 42,
    Description: 'Likes (parentheses) and 100% juice',
    Follow_Up: '2024-03-01T00:00:00+00:00',
  },
  {
    First_Name: 'Sean',
    Last_Name: "O'Brien",
    Company: "it's (a) test",
    Lead_Source: 'Trade Show',
    Follow_Up: '2024-04-01T10:00:00+05:30',
  },
  { Last_Name: 'Converted', Email: 'conv@example.com', Follow_Up: '2024-05-01T10:00:00+05:30' },
  {
    Last_Name: 'Pending',
    Email: 'pending@example.com',
    $approved: false,
    Follow_Up: '2024-06-01T10:00:00+05:30',
  },
];

/** Custom fields, so both grammars meet a multi-select and a writable date-time. */
export const LEAD_FIELDS: SeedFile['fields'] = {
  Leads: [
    {
      api_name: 'Hobbies',
      field_label: 'Hobbies',
      data_type: 'multiselectpicklist',
      pick_list_values: ['Chess', 'Golf', 'Tennis'],
    },
    { api_name: 'Follow_Up', field_label: 'Follow Up', data_type: 'datetime' },
  ],
};

/** Contacts pointing at the accounts (by the ids a probe run reported). */
function contacts(accountIds: string[]): Array<Record<string, unknown>> {
  return [
    { First_Name: 'Ann', Last_Name: 'Lee', Account_Name: { id: accountIds[0] }, Date_of_Birth: '1990-05-17' },
    { First_Name: 'Bo', Last_Name: 'Chan', Account_Name: { id: accountIds[1] }, Date_of_Birth: '1985-12-01' },
    { First_Name: 'Cy', Last_Name: 'Roe', Date_of_Birth: '2000-01-01' },
  ];
}

async function accountIds(): Promise<string[]> {
  const probe = await startTestEmulator({ demoData: false, seed: { records: { Accounts: ACCOUNTS } } });
  try {
    const res = await probe.client.get('/crm/v2/Accounts?sort_order=asc');
    return ACCOUNTS.map((a) => res.json.data.find((r: any) => r.Account_Name === a.Account_Name).id);
  } finally {
    await probe.emulator.stop();
  }
}

/**
 * Starts an emulator holding the fixtures (plus `extraLeads`); `accounts` are the accounts' ids in order.
 * The `Converted` lead is converted over the API, onto the existing contact `Roe` so no record is added.
 */
export async function startQueryEmulator(extraLeads: Array<Record<string, unknown>> = []) {
  const accounts = await accountIds();
  const started = await startTestEmulator({
    demoData: false,
    seed: {
      fields: LEAD_FIELDS,
      records: { Accounts: ACCOUNTS, Leads: [...LEADS, ...extraLeads], Contacts: contacts(accounts) },
    },
  });
  const { client } = started;
  const idOf = async (module: string, lastName: string) =>
    (await client.get(`/crm/v2/${module}?sort_order=asc&approved=both`)).json.data.find(
      (r: any) => r.Last_Name === lastName,
    ).id;
  const roe = await idOf('Contacts', 'Roe');
  const converted = await client.post(`/crm/v2/Leads/${await idOf('Leads', 'Converted')}/actions/convert`, {
    data: [{ Contacts: roe }],
  });
  if (converted.status !== 200) throw new Error(`lead conversion failed: ${converted.text}`);
  return { ...started, accounts };
}

/** The `Last_Name`s of a response's records, for compact assertions. */
export function lastNames(res: { json: any }): string[] {
  return (res.json?.data ?? []).map((r: any) => r.Last_Name);
}
