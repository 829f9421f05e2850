import { RunningEmulator } from '../../src/emulator';
import { ALL_SCOPES, obtainTokens, RawClient, startTestEmulator } from '../support/emulator';
import {
  create,
  creditsLeft,
  fetchRecord,
  ID,
  idOf,
  itemError,
  KEVIN,
  listAll,
  PATRICIA,
  requestError,
  success,
  v2,
} from './records-support';

/** Mass update (docs/zoho-v2-notes.md §5.10) and lead conversion (§5.11). */
describe('emulator records: mass update and lead conversion', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => {
    ({ emulator } = await startTestEmulator());
    // Mass update has its own scope group, beside the module scopes.
    client = new RawClient(
      emulator,
      (await obtainTokens(emulator, `${ALL_SCOPES},ZohoCRM.mass_update.ALL`)).access_token,
    );
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  describe('POST /{module}/actions/mass_update', () => {
    it('updates the given ids at once, answering each id', async () => {
      const a = await create(client, 'Leads', { Last_Name: 'A' });
      const b = await create(client, 'Leads', { Last_Name: 'B' });
      const res = await client.post(v2('/Leads/actions/mass_update'), {
        data: [{ Lead_Status: 'Contacted', Rating: 'Active' }],
        ids: [a, 'x', b],
      });
      expect(res.status).toBe(202);
      expect(res.json.data).toEqual([
        success('record updated', a),
        itemError('INVALID_DATA', 'the id given seems to be invalid', { id: 'x' }),
        success('record updated', b),
      ]);
      for (const id of [a, b])
        expect(await fetchRecord(client, 'Leads', id)).toMatchObject({
          Lead_Status: 'Contacted',
          Rating: 'Active',
        });
    });

    it('schedules a job for criteria and reports it completed with counts', async () => {
      const before = await listAll(client, 'Leads');
      const res = await client.post(v2('/Leads/actions/mass_update'), {
        data: [{ Lead_Status: 'Junk Lead' }],
        criteria: {
          group_operator: 'or',
          group: [
            { field: { api_name: 'Lead_Source' }, comparator: 'equal', value: 'trade show' },
            { field: 'Company', comparator: 'starts_with', value: 'Kwik' },
          ],
        },
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        data: [
          {
            code: 'SUCCESS',
            details: { job_id: ID },
            message: 'mass update scheduled successfully',
            status: 'success',
          },
        ],
      });
      const matched = before.filter(
        (l) => l.Lead_Source === 'Trade Show' || String(l.Company).startsWith('Kwik'),
      );
      expect(matched.length).toBe(2);
      const status = await client.get(
        v2(`/Leads/actions/mass_update?job_id=${res.json.data[0].details.job_id}`),
      );
      expect([status.status, status.json]).toEqual([
        200,
        {
          data: [
            { Status: 'COMPLETED', Failed_Count: 0, Updated_Count: 2, Not_Updated_Count: 0, Total_Count: 2 },
          ],
        },
      ]);
      const after = await listAll(client, 'Leads');
      for (const lead of after) {
        const wasMatched = matched.some((m) => m.id === lead.id);
        expect(lead.Lead_Status === 'Junk Lead').toBe(wasMatched);
      }
    });

    it('counts records a cvid job could not update', async () => {
      const res = await client.post(v2('/Leads/actions/mass_update'), {
        data: [{ Email: 'same@example.com' }],
        cvid: '3652397000000087501',
      });
      const status = await client.get(
        v2(`/Leads/actions/mass_update?job_id=${res.json.data[0].details.job_id}`),
      );
      // Email is unique: the first lead takes it, every other one is a duplicate.
      const total = (await listAll(client, 'Leads')).length;
      expect(status.json.data[0]).toEqual({
        Status: 'COMPLETED',
        Failed_Count: total - 1,
        Updated_Count: 1,
        Not_Updated_Count: 0,
        Total_Count: total,
      });
    });

    it('adds multi-select values unless over_write is true', async () => {
      const product = await create(client, 'Products', { Product_Name: 'Taxed', Tax: ['Vat'] });
      await client.post(v2('/Products/actions/mass_update'), {
        data: [{ Tax: ['Sales Tax'] }],
        ids: [product],
      });
      expect((await fetchRecord(client, 'Products', product))!.Tax).toEqual(['Vat', 'Sales Tax']);
      await client.post(v2('/Products/actions/mass_update'), {
        data: [{ Tax: ['Common Tax'] }],
        ids: [product],
        over_write: true,
      });
      expect((await fetchRecord(client, 'Products', product))!.Tax).toEqual(['Common Tax']);
    });

    it('checks the request and its scope', async () => {
      const cases: Array<[unknown, number, Record<string, unknown>]> = [
        [
          { data: [{ Lead_Status: 'x' }] },
          400,
          requestError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'ids' }),
        ],
        [
          { data: [{ Lead_Status: 'x' }], ids: 'a,b' },
          400,
          requestError('INVALID_DATA', 'invalid data', { api_name: 'ids', expected_data_type: 'jsonarray' }),
        ],
        [
          { data: [{ Lead_Status: 'x' }], ids: Array.from({ length: 501 }, (_, i) => String(i)) },
          400,
          requestError('LIMIT_EXCEEDED', 'limit exceeded', { api_name: 'ids', limit: 500 }),
        ],
        [
          { data: [{ Lead_Status: 'x' }], criteria: { field: 'Nope', comparator: 'equal', value: 1 } },
          400,
          // The JSON criteria errors of mass update and bulk read share one shape: api_name and json_path.
          requestError('INVALID_DATA', 'invalid data', { api_name: 'Nope', json_path: '$.criteria.field' }),
        ],
        [
          { data: [{ Lead_Status: 'x' }], criteria: { field: 'Company', comparator: 'toString', value: 1 } },
          400,
          requestError('INVALID_DATA', 'invalid data', {
            api_name: 'comparator',
            json_path: '$.criteria.comparator',
          }),
        ],
        [
          {
            data: [{ Lead_Status: 'x' }],
            criteria: {
              group_operator: 'and',
              group: [{ field: { api_name: 'Company' }, comparator: 'greater_than', value: 'a' }],
            },
          },
          400,
          requestError('INVALID_DATA', 'invalid data', {
            api_name: 'comparator',
            json_path: '$.criteria.group[0].comparator',
          }),
        ],
        [
          { data: [{}, {}], ids: ['1'] },
          400,
          requestError('LIMIT_EXCEEDED', 'limit exceeded', { api_name: 'data', limit: 1 }),
        ],
      ];
      for (const [body, status, envelope] of cases) {
        const res = await client.post(v2('/Leads/actions/mass_update'), body);
        expect({ status: res.status, body: res.json }).toEqual({ status, body: envelope });
      }
      const modulesOnly = new RawClient(
        emulator,
        (await obtainTokens(emulator, 'ZohoCRM.modules.ALL')).access_token,
      );
      const denied = await modulesOnly.post(v2('/Leads/actions/mass_update'), {
        data: [{ Lead_Status: 'x' }],
        ids: ['1'],
      });
      expect([denied.status, denied.json.code]).toEqual([401, 'OAUTH_SCOPE_MISMATCH']);
      const missingJob = await client.get(v2('/Leads/actions/mass_update'));
      expect([missingJob.status, missingJob.json]).toEqual([
        400,
        requestError('MANDATORY_NOT_FOUND', 'mandatory param missing', { param_name: 'job_id' }),
      ]);
      const unknownJob = await client.get(v2('/Leads/actions/mass_update?job_id=3652397000009999999'));
      expect([unknownJob.status, unknownJob.json]).toEqual([
        404,
        requestError('NOT_FOUND', 'Empty response'),
      ]);
    });
  });

  describe('POST /Leads/{id}/actions/convert', () => {
    it('creates an account, a contact and a deal, and marks the lead converted', async () => {
      const paul = await idOf(client, 'Leads', 'Email', 'p.daly@zylker.com');
      const before = creditsLeft(await client.get(v2('/Leads')));
      const res = await client.post(v2(`/Leads/${paul}/actions/convert`), {
        data: [
          {
            overwrite: true,
            notify_lead_owner: false,
            Deals: {
              Deal_Name: 'Zylker expansion',
              Stage: 'Qualification',
              Amount: 5000,
              Closing_Date: '2025-09-30',
            },
          },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ data: [{ Contacts: ID, Deals: ID, Accounts: ID }] });
      expect(creditsLeft(res)).toBe(before - 5);
      const { Contacts, Deals, Accounts } = res.json.data[0];
      expect(await fetchRecord(client, 'Accounts', Accounts)).toMatchObject({
        Account_Name: 'Zylker',
        Phone: '+1 555 0110',
        Owner: { ...PATRICIA },
      });
      expect(await fetchRecord(client, 'Contacts', Contacts)).toMatchObject({
        Full_Name: 'Paul Daly',
        Salutation: 'Mr.',
        Email: 'p.daly@zylker.com',
        Lead_Source: 'Advertisement',
        Mailing_City: 'Pleasanton',
        Account_Name: { name: 'Zylker', id: Accounts },
      });
      expect(await fetchRecord(client, 'Deals', Deals)).toMatchObject({
        Deal_Name: 'Zylker expansion',
        Stage: 'Qualification',
        Amount: 5000,
        Lead_Source: 'Advertisement',
        Account_Name: { name: 'Zylker', id: Accounts },
        Contact_Name: { name: 'Paul Daly', id: Contacts },
      });
      expect((await client.get(v2('/Leads'))).json.data.map((l: any) => l.id)).not.toContain(paul);
      const converted = await client.get(v2('/Leads?converted=true'));
      expect(converted.json.data).toEqual([
        expect.objectContaining({
          id: paul,
          $converted: true,
          $converted_detail: { Contacts, Deals, Accounts },
        }),
      ]);

      const again = await client.post(v2(`/Leads/${paul}/actions/convert`), { data: [{}] });
      expect([again.status, again.json]).toEqual([
        400,
        requestError('ID_ALREADY_CONVERTED', 'id already converted', { id: paul }),
      ]);
    });

    it('uses a given account and owner, reuses an account by company name, and creates no deal unless asked', async () => {
      const [carissa, tresa] = [
        await idOf(client, 'Leads', 'Last_Name', 'Kidman'),
        await idOf(client, 'Leads', 'Last_Name', 'Sweely'),
      ];
      const king = await idOf(client, 'Accounts', 'Account_Name', 'King');
      const given = await client.post(v2(`/Leads/${carissa}/actions/convert`), {
        data: [{ Accounts: king, assign_to: KEVIN.id }],
      });
      expect(given.json.data).toEqual([{ Contacts: ID, Deals: null, Accounts: king }]);
      expect(await fetchRecord(client, 'Contacts', given.json.data[0].Contacts)).toMatchObject({
        Full_Name: 'Carissa Kidman',
        Owner: { ...KEVIN, email: 'kevin.hart@zylker.com' },
        Account_Name: { name: 'King', id: king },
      });
      const morlong = await idOf(client, 'Accounts', 'Account_Name', 'Morlong Associates');
      const accounts = (await listAll(client, 'Accounts')).length;
      // No body at all, as the Python SDK may send.
      const reused = await client.request('POST', v2(`/Leads/${tresa}/actions/convert`));
      expect([reused.status, reused.json.data[0].Accounts]).toEqual([200, morlong]);
      expect(await listAll(client, 'Accounts')).toHaveLength(accounts);
    });

    it('moves the notes of the lead to the new contact', async () => {
      const paul = await idOf(client, 'Leads', 'Email', 'p.daly@zylker.com');
      const note = await client.post(v2(`/Leads/${paul}/Notes`), {
        data: [{ Note_Title: 'Met', Note_Content: 'At the fair' }],
      });
      expect(note.status).toBe(201);
      const res = await client.post(v2(`/Leads/${paul}/actions/convert`), { data: [{}] });
      const contact = res.json.data[0].Contacts;
      expect((await client.get(v2(`/Leads/${paul}/Notes`))).status).toBe(204);
      const moved = await client.get(v2(`/Contacts/${contact}/Notes`));
      expect(moved.json.data).toEqual([
        expect.objectContaining({
          id: note.json.data[0].details.id,
          Note_Content: 'At the fair',
          $se_module: 'Contacts',
        }),
      ]);
    });

    it('converts nothing when a part fails', async () => {
      const paul = await idOf(client, 'Leads', 'Email', 'p.daly@zylker.com');
      const counts = async () =>
        Promise.all(['Accounts', 'Contacts', 'Deals'].map(async (m) => (await listAll(client, m)).length));
      const before = await counts();
      const lead = await fetchRecord(client, 'Leads', paul);
      const noStage = await client.post(v2(`/Leads/${paul}/actions/convert`), {
        data: [{ Deals: { Deal_Name: 'Half' } }],
      });
      expect([noStage.status, noStage.json]).toEqual([
        400,
        requestError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Stage' }),
      ]);
      await create(client, 'Contacts', { Last_Name: 'Taken', Email: 'p.daly@zylker.com' });
      const duplicate = await client.post(v2(`/Leads/${paul}/actions/convert`), { data: [{}] });
      expect([duplicate.status, duplicate.json.code, duplicate.json.details.api_name]).toEqual([
        400,
        'DUPLICATE_DATA',
        'Email',
      ]);
      const after = await counts();
      expect(after).toEqual([before[0], before[1] + 1, before[2]]);
      expect(await fetchRecord(client, 'Leads', paul)).toEqual(lead);
    });

    it('checks the module, the lead and the references', async () => {
      const paul = await idOf(client, 'Leads', 'Email', 'p.daly@zylker.com');
      const kris = await idOf(client, 'Contacts', 'Last_Name', 'Marrier');
      const cases: Array<[string, unknown, number, Record<string, unknown>]> = [
        [
          `/Contacts/${kris}/actions/convert`,
          { data: [{}] },
          400,
          requestError('INVALID_MODULE', 'The given module is not supported in API'),
        ],
        [
          '/Leads/12x/actions/convert',
          { data: [{}] },
          400,
          requestError('INVALID_DATA', 'the id given seems to be invalid'),
        ],
        [
          '/Leads/3652397000009999999/actions/convert',
          { data: [{}] },
          400,
          requestError('INVALID_DATA', 'the id given seems to be invalid', { id: '3652397000009999999' }),
        ],
        [
          `/Leads/${paul}/actions/convert`,
          { data: [{ Accounts: '3652397000009999999' }] },
          400,
          requestError('INVALID_DATA', 'invalid data', { api_name: 'Accounts' }),
        ],
        [
          `/Leads/${paul}/actions/convert`,
          { data: [{ assign_to: '1' }] },
          400,
          requestError('INVALID_DATA', 'invalid data', { api_name: 'assign_to' }),
        ],
        [
          `/Leads/${paul}/actions/convert`,
          { data: [{}, {}] },
          400,
          requestError('LIMIT_EXCEEDED', 'limit exceeded', { api_name: 'data', limit: 1 }),
        ],
      ];
      for (const [path, body, status, envelope] of cases) {
        const res = await client.post(v2(path), body);
        expect({ path, status: res.status, body: res.json }).toEqual({ path, status, body: envelope });
      }
      const pending = await create(client, 'Leads', { Last_Name: 'Pending', $approved: false });
      const notApproved = await client.post(v2(`/Leads/${pending}/actions/convert`), { data: [{}] });
      expect([notApproved.status, notApproved.json.code]).toEqual([400, 'NOT_APPROVED']);
    });
  });
});
