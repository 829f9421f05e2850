import type { RunningEmulator } from '../../../src/emulator';
import type { CompiledQuery } from '../../../src/query';
import { RawClient, startTestEmulator } from '../../support/emulator';

/**
 * An emulator holding a small data set with awkward values (commas, brackets, backslashes, quotes, `%`,
 * unicode) for the query tests, and a way to run compiled queries on it over raw HTTP.
 */

/** Custom Leads fields: a multi-select, a date-time and a plain text field for the escaping properties. */
const LEAD_FIELDS = [
  {
    api_name: 'Hobbies',
    field_label: 'Hobbies',
    data_type: 'multiselectpicklist',
    pick_list_values: ['Chess', 'Golf', 'Tennis'],
  },
  { api_name: 'Follow_Up', field_label: 'Follow Up', data_type: 'datetime' },
  { api_name: 'Probe', field_label: 'Probe', data_type: 'text', length: 255 },
];

/** A custom Accounts field whose API name is a COQL reserved word. */
const ACCOUNT_FIELDS = [{ api_name: 'External', field_label: 'External', data_type: 'text' }];

export const LEADS: Array<Record<string, unknown>> = [
  {
    First_Name: 'Maria',
    Last_Name: 'Burns,B',
    Company: 'Zylker (EU)',
    Email: 'maria@zylker.com',
    Lead_Source: 'Advertisement',
    Annual_Revenue: 250000.5,
    No_of_Employees: 120,
    Email_Opt_Out: true,
    Hobbies: ['Chess', 'Golf'],
    Follow_Up: '2024-01-10T09:00:00+05:30',
    Description: 'Likes (parentheses), commas',
  },
  {
    First_Name: 'Mike',
    Last_Name: 'Back\\slash',
    Company: 'Acme',
    Email: 'mike@acme.com',
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
    Follow_Up: '2024-03-01T00:00:00+00:00',
    Description: '100% juice',
  },
  {
    First_Name: 'Sean',
    Last_Name: "O'Brien",
    Company: "it's (a) test",
    Lead_Source: 'Trade Show',
    Follow_Up: '2024-04-01T10:00:00+05:30',
  },
  { Last_Name: 'Nobody' },
];

export interface QueryFixture {
  emulator: RunningEmulator;
  client: RawClient;
  /** Record ids by module and display name. */
  ids: Record<string, Record<string, string>>;
  /** Runs a compiled query over raw HTTP: its records (none on 204), or throws with the error body. */
  run(query: CompiledQuery): Promise<Array<Record<string, any>>>;
  /** The raw response of a compiled query. */
  send(query: CompiledQuery): Promise<{ status: number; json: any }>;
  /** Creates one record over HTTP and returns its id. */
  insert(module: string, record: Record<string, unknown>): Promise<string>;
}

export async function startQueryEmulator(): Promise<QueryFixture> {
  const { emulator, client } = await startTestEmulator({
    demoData: false,
    seed: { fields: { Leads: LEAD_FIELDS, Accounts: ACCOUNT_FIELDS } },
  });
  const ids: Record<string, Record<string, string>> = {};

  const insert = async (module: string, record: Record<string, unknown>): Promise<string> => {
    const res = await client.post(`/crm/v2/${module}`, { data: [record] });
    const item = res.json?.data?.[0];
    if (res.status !== 201 || item?.status !== 'success')
      throw new Error(`insert into ${module} failed: ${res.status} ${res.text}`);
    return item.details.id as string;
  };
  const add = async (module: string, name: string, record: Record<string, unknown>) => {
    (ids[module] ??= {})[name] = await insert(module, record);
    // Distinct creation times, so ordering by Created_Time is meaningful.
    emulator.advanceClock(60);
  };

  await add('Accounts', 'Zylker', { Account_Name: 'Zylker', Employees: 500, External: 'yes' });
  await add('Accounts', 'Acme', { Account_Name: 'Acme (West), Inc', Employees: 20 });
  for (const lead of LEADS) await add('Leads', lead.Last_Name as string, lead);
  await add('Deals', 'Big deal', {
    Deal_Name: 'Big deal',
    Stage: 'Closed Won',
    Amount: 90000,
    Closing_Date: '2024-06-30',
    Probability: 100,
    Account_Name: { id: ids.Accounts.Zylker },
  });
  await add('Deals', 'Small deal', {
    Deal_Name: 'Small deal',
    Stage: 'Qualification',
    Amount: 500,
    Closing_Date: '2024-01-15',
    Probability: 10,
    Account_Name: { id: ids.Accounts.Acme },
  });
  await add('Deals', 'Lost deal', {
    Deal_Name: 'Lost deal',
    Stage: 'Closed Lost',
    Amount: 12000,
    Closing_Date: '2023-12-31',
    Probability: 0,
  });
  await add('Products', 'Licence', { Product_Name: 'Licence', Unit_Price: 8 });
  const invoice = (subject: string, status: string, quantity: number, price: number, account?: string) =>
    add('Invoices', subject, {
      Subject: subject,
      Status: status,
      Due_Date: '2024-09-30',
      ...(account ? { Account_Name: { id: account } } : {}),
      Product_Details: [{ product: { id: ids.Products.Licence }, quantity, list_price: price }],
    });
  await invoice('Q3 licences', 'Created', 200, 8, ids.Accounts.Zylker);
  await invoice('Small order', 'Approved', 50, 8, ids.Accounts.Acme);
  await invoice('Delivered order', 'Delivered', 500, 8);
  await invoice('Big approved', 'Approved', 300, 10, ids.Accounts.Zylker);

  const send = async (query: CompiledQuery) => {
    const path = `/crm/v2/${query.path}`;
    const res =
      query.method === 'GET'
        ? await client.get(
            `${path}?${new URLSearchParams(Object.entries(query.params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`,
          )
        : await client.post(path, query.body);
    return { status: res.status, json: res.json };
  };
  const run = async (query: CompiledQuery) => {
    const res = await send(query);
    if (res.status === 204) return [];
    if (res.status !== 200)
      throw new Error(
        `${query.backend} query failed: ${res.status} ${JSON.stringify(res.json)}\n${query.text}`,
      );
    return res.json.data as Array<Record<string, any>>;
  };
  return { emulator, client, ids, run, send, insert };
}
