import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';
import {
  audit,
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
  TIME,
  v2,
} from './records-support';

/** Insert, update, delete, upsert and the deleted-records list (docs/zoho-v2-notes.md §5.3–5.7). */
describe('emulator records: insert, update, delete, upsert', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator({
      seed: {
        fields: {
          Leads: [
            {
              api_name: 'Tier__c',
              field_label: 'Tier',
              data_type: 'picklist',
              pick_list_values: ['Gold', 'Silver'],
              restricted: true,
            },
            {
              api_name: 'External_Id__c',
              field_label: 'External Id',
              data_type: 'text',
              length: 20,
              unique: true,
            },
          ],
        },
      },
    }));
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  describe('POST /{module}', () => {
    it('inserts records (201) and stores them with computed and audit fields', async () => {
      const res = await client.post(v2('/Leads'), {
        data: [
          {
            First_Name: 'Ada',
            Last_Name: 'Lovelace',
            Email: 'ada@example.com',
            Company: 'Analytical',
            No_of_Employees: 12,
            Annual_Revenue: 1234.567,
          },
          { Last_Name: 'Hopper', Owner: KEVIN.id, Lead_Source: 'Podcast' },
        ],
        trigger: ['workflow'],
        lar_id: '3652397000000262001',
      });
      expect(res.status).toBe(201);
      expect(res.json).toEqual({ data: [success('record added'), success('record added')] });
      const [ada, hopper] = await Promise.all(
        res.json.data.map((d: any) => fetchRecord(client, 'Leads', d.details.id)),
      );
      expect(ada).toMatchObject({
        id: res.json.data[0].details.id,
        Full_Name: 'Ada Lovelace',
        Email: 'ada@example.com',
        No_of_Employees: 12,
        Annual_Revenue: 1234.57,
        Owner: { ...PATRICIA, email: 'patricia.boyle@zylker.com' },
        Created_Time: TIME,
        $approved: true,
        $converted: false,
        $editable: true,
        $currency_symbol: '$',
        Tag: [],
        Phone: null,
      });
      expect(ada!.Created_Time).toBe(res.json.data[0].details.Created_Time);
      // Unknown picklist values are accepted unless the picklist is restricted.
      expect(hopper).toMatchObject({
        Full_Name: 'Hopper',
        Lead_Source: 'Podcast',
        Owner: { ...KEVIN, email: 'kevin.hart@zylker.com' },
      });
    });

    it('answers each item in order: mixed batches 202, all-failed 400', async () => {
      const mixed = await client.post(v2('/Leads'), {
        data: [{ Last_Name: 'Ok' }, { First_Name: 'No last name' }],
      });
      expect(mixed.status).toBe(202);
      expect(mixed.json.data).toEqual([
        success('record added'),
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Last_Name' }),
      ]);
      const failed = await client.post(v2('/Deals'), {
        data: [{ Deal_Name: 'No stage' }, { Stage: 'Qualification' }],
      });
      expect(failed.status).toBe(400);
      expect(failed.json.data).toEqual([
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Stage' }),
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Deal_Name' }),
      ]);
      expect(await listAll(client, 'Deals')).toHaveLength(2);
    });

    it('answers mixed batches 207 when configured so', async () => {
      const other = await startTestEmulator({ mixedStatus: 207, demoData: false });
      try {
        const res = await other.client.post(v2('/Leads'), { data: [{ Last_Name: 'Ok' }, {}] });
        expect(res.status).toBe(207);
      } finally {
        await other.emulator.stop();
      }
    });

    const account = '3652397000000000001';
    it.each([
      [
        'Leads',
        { Last_Name: 'X', Email: 'not-an-email' },
        { api_name: 'Email', expected_data_type: 'email' },
      ],
      ['Leads', { Last_Name: 'X'.repeat(81) }, { api_name: 'Last_Name', maximum_length: 80 }],
      [
        'Leads',
        { Last_Name: 'X', No_of_Employees: 'many' },
        { api_name: 'No_of_Employees', expected_data_type: 'integer' },
      ],
      [
        'Leads',
        { Last_Name: 'X', No_of_Employees: 1.5 },
        { api_name: 'No_of_Employees', expected_data_type: 'integer' },
      ],
      [
        'Leads',
        { Last_Name: 'X', Annual_Revenue: 'lots' },
        { api_name: 'Annual_Revenue', expected_data_type: 'currency' },
      ],
      [
        'Leads',
        { Last_Name: 'X', Email_Opt_Out: 'yes' },
        { api_name: 'Email_Opt_Out', expected_data_type: 'boolean' },
      ],
      [
        'Leads',
        { Last_Name: 'X', Website: 'not a site' },
        { api_name: 'Website', expected_data_type: 'website' },
      ],
      ['Leads', { Last_Name: 'X', Phone: 'call me' }, { api_name: 'Phone', expected_data_type: 'phone' }],
      [
        'Leads',
        { Last_Name: 'X', Owner: { id: '3652397000000999999' } },
        { api_name: 'Owner', expected_data_type: 'ownerlookup' },
      ],
      ['Leads', { Last_Name: 'X', Tier__c: 'Bronze' }, { api_name: 'Tier__c' }],
      [
        'Contacts',
        { Last_Name: 'X', Date_of_Birth: '2020-02-30' },
        { api_name: 'Date_of_Birth', expected_data_type: 'date' },
      ],
      [
        'Contacts',
        { Last_Name: 'X', Account_Name: { id: account } },
        { api_name: 'Account_Name', expected_data_type: 'lookup' },
      ],
      [
        'Contacts',
        { Last_Name: 'X', Account_Name: 'not-an-id' },
        { api_name: 'Account_Name', expected_data_type: 'lookup' },
      ],
      [
        'Events',
        {
          Event_Title: 'E',
          Start_DateTime: '2025-03-12T10:00:00',
          End_DateTime: '2025-03-12T11:00:00+05:30',
        },
        { api_name: 'Start_DateTime', expected_data_type: 'datetime' },
      ],
      ['Products', { Product_Name: 'P', Tax: 5 }, { api_name: 'Tax', expected_data_type: 'jsonarray' }],
    ])('rejects a bad %s value: %j', async (module, fields, details) => {
      const before = await listAll(client, module);
      const res = await client.post(v2(`/${module}`), { data: [fields] });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ data: [itemError('INVALID_DATA', 'invalid data', details)] });
      expect(await listAll(client, module)).toEqual(before);
    });

    it('normalises values: lookups by bare id, date-times into the org offset, "-None-" and "" to null', async () => {
      const accountId = await idOf(client, 'Accounts', 'Account_Name', 'King');
      const id = await create(client, 'Contacts', {
        Last_Name: 'Norm',
        Account_Name: accountId,
        Lead_Source: '-None-',
        Title: '',
        Mobile: 5550100,
      });
      expect(await fetchRecord(client, 'Contacts', id)).toMatchObject({
        Account_Name: { name: 'King', id: accountId },
        Lead_Source: null,
        Title: null,
        Mobile: '5550100',
      });
      const event = await create(client, 'Events', {
        Event_Title: 'UTC',
        Start_DateTime: '2025-03-12T04:30:00Z',
        End_DateTime: '2025-03-12T05:30:00.000Z',
      });
      expect(await fetchRecord(client, 'Events', event)).toMatchObject({
        Start_DateTime: '2025-03-12T10:00:00+05:30',
        End_DateTime: '2025-03-12T11:00:00+05:30',
      });
    });

    it('ignores unknown fields, read-only fields and read-only $ keys', async () => {
      const id = await create(client, 'Leads', {
        Last_Name: 'Quiet',
        First_Name: 'Q',
        Nonexistent_Field: 'x',
        Full_Name: 'Forged',
        Created_Time: '2001-01-01T00:00:00+05:30',
        $converted: true,
        $editable: false,
      });
      const lead = await fetchRecord(client, 'Leads', id);
      expect(lead).toMatchObject({ Full_Name: 'Q Quiet', $converted: false, $editable: true });
      expect(lead!.Created_Time).not.toBe('2001-01-01T00:00:00+05:30');
      expect(lead).not.toHaveProperty('Nonexistent_Field');
    });

    it('creates unapproved records with $approved:false, hidden from default lists', async () => {
      const id = await create(client, 'Leads', { Last_Name: 'Pending', $approved: false });
      const visible = await client.get(v2('/Leads'));
      expect(visible.json.data.map((r: any) => r.id)).not.toContain(id);
      const pending = await client.get(v2('/Leads?approved=false'));
      expect(pending.json.data.map((r: any) => r.id)).toEqual([id]);
      expect((await fetchRecord(client, 'Leads', id))!.$approved).toBe(false);
      const bad = await client.post(v2('/Leads'), { data: [{ Last_Name: 'X', $approved: 'no' }] });
      expect(bad.json.data[0]).toEqual(
        itemError('INVALID_DATA', 'invalid data', { api_name: '$approved', expected_data_type: 'boolean' }),
      );
    });

    it('refuses duplicates of unique fields, ignoring case, within a batch too', async () => {
      const paul = await idOf(client, 'Leads', 'Email', 'p.daly@zylker.com');
      const res = await client.post(v2('/Leads'), {
        data: [
          { Last_Name: 'Copy', Email: ' P.Daly@Zylker.com' },
          { Last_Name: 'First', Email: 'twin@example.com' },
          { Last_Name: 'Second', Email: 'twin@example.com' },
        ],
      });
      expect(res.status).toBe(202);
      expect(res.json.data[0]).toEqual(
        itemError('DUPLICATE_DATA', 'duplicate data', { api_name: 'Email', id: paul }),
      );
      expect(res.json.data[2]).toEqual(
        itemError('DUPLICATE_DATA', 'duplicate data', { api_name: 'Email', id: res.json.data[1].details.id }),
      );
      const accounts = await client.post(v2('/Accounts'), { data: [{ Account_Name: 'king' }] });
      expect(accounts.json.data[0]).toMatchObject({
        code: 'DUPLICATE_DATA',
        details: { api_name: 'Account_Name' },
      });
    });

    it('checks the request: body shape, record count, trigger, module', async () => {
      const cases: Array<[unknown, number, Record<string, unknown>]> = [
        [
          { data: [] },
          400,
          requestError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'data' }),
        ],
        [
          { records: [{}] },
          400,
          requestError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'data' }),
        ],
        [
          { data: { Last_Name: 'X' } },
          400,
          requestError('INVALID_DATA', 'invalid data', { api_name: 'data', expected_data_type: 'jsonarray' }),
        ],
        [
          { data: Array.from({ length: 101 }, (_, i) => ({ Last_Name: `L${i}` })) },
          400,
          requestError('LIMIT_EXCEEDED', 'limit exceeded', { api_name: 'data', limit: 100 }),
        ],
        [
          { data: [{ Last_Name: 'X' }], trigger: 'workflow' },
          400,
          requestError('INVALID_DATA', 'invalid data', {
            api_name: 'trigger',
            expected_data_type: 'jsonarray',
          }),
        ],
        [
          { data: [{ Last_Name: 'X' }], trigger: ['robots'] },
          400,
          requestError('INVALID_DATA', 'invalid data', { api_name: 'trigger' }),
        ],
        [
          '{"data": [',
          400,
          requestError('INVALID_DATA', 'body is not a valid JSON', { expected_data_type: 'jsonobject' }),
        ],
      ];
      for (const [body, status, envelope] of cases) {
        const res = await client.post(v2('/Leads'), body);
        expect({ status: res.status, body: res.json }).toEqual({ status, body: envelope });
      }
      const item = await client.post(v2('/Leads'), { data: ['not a record'] });
      expect(item.json.data[0]).toEqual(
        itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject' }),
      );
      const unknown = await client.post(v2('/Nonsense'), { data: [{}] });
      expect(unknown.json).toEqual(
        requestError('INVALID_MODULE', 'the module name given seems to be invalid'),
      );
      const attachments = await client.post(v2('/Attachments'), { data: [{ File_Name: 'x' }] });
      expect([attachments.status, attachments.json]).toEqual([
        400,
        requestError('INVALID_MODULE', 'The given module is not supported in API'),
      ]);
    });

    it('costs one credit per ten records', async () => {
      const before = creditsLeft(await client.get(v2('/Leads')));
      const res = await client.post(v2('/Leads'), {
        data: Array.from({ length: 25 }, (_, i) => ({ Last_Name: `Bulk ${i}` })),
      });
      expect(res.status).toBe(201);
      expect(creditsLeft(res)).toBe(before - 3);
      const one = await client.post(v2('/Leads'), { data: [{ Last_Name: 'Single' }] });
      expect(creditsLeft(one)).toBe(before - 4);
    });

    it('needs the module CREATE scope', async () => {
      const readOnly = new RawClient(
        emulator,
        (await obtainTokens(emulator, 'ZohoCRM.modules.leads.READ')).access_token,
      );
      const denied = await readOnly.post(v2('/Leads'), { data: [{ Last_Name: 'X' }] });
      expect([denied.status, denied.json]).toEqual([
        401,
        requestError('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'),
      ]);
      const writer = new RawClient(
        emulator,
        (await obtainTokens(emulator, 'ZohoCRM.modules.leads.CREATE')).access_token,
      );
      expect((await writer.post(v2('/Leads'), { data: [{ Last_Name: 'X' }] })).status).toBe(201);
    });
  });

  describe('PUT /{module} and /{module}/{id}', () => {
    it('updates in bulk, answering each item: id mandatory, malformed and unknown ids invalid', async () => {
      const id = await create(client, 'Leads', { First_Name: 'Ann', Last_Name: 'Old' });
      const res = await client.put(v2('/Leads'), {
        data: [
          { id, Last_Name: 'New', Phone: '+1 555 0001' },
          { Last_Name: 'No id' },
          { id: 'abc', Last_Name: 'X' },
          { id: '3652397000009999999', Last_Name: 'X' },
        ],
      });
      expect(res.status).toBe(202);
      expect(res.json.data).toEqual([
        success('record updated', id),
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'id' }),
        itemError('INVALID_DATA', 'the id given seems to be invalid', { id: 'abc' }),
        itemError('INVALID_DATA', 'the id given seems to be invalid', { id: '3652397000009999999' }),
      ]);
      expect(await fetchRecord(client, 'Leads', id)).toMatchObject({
        Last_Name: 'New',
        Full_Name: 'Ann New',
        Phone: '+1 555 0001',
      });
    });

    it('updates one record by path id: 200, new Modified_Time, same Created_Time, Modified_By the caller', async () => {
      const id = await create(client, 'Leads', { Last_Name: 'Timed' });
      const before = await fetchRecord(client, 'Leads', id);
      emulator.advanceClock(90);
      const kevin = new RawClient(
        emulator,
        (await obtainTokens(emulator, undefined, 'kevin.hart@zylker.com')).access_token,
      );
      const res = await kevin.put(v2(`/Leads/${id}`), {
        data: [{ id: '3652397000000000000', First_Name: 'Tim' }],
      });
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual([
        {
          code: 'SUCCESS',
          details: { ...audit(id), Modified_By: KEVIN },
          message: 'record updated',
          status: 'success',
        },
      ]);
      const after = await fetchRecord(client, 'Leads', id);
      expect(after).toMatchObject({
        Full_Name: 'Tim Timed',
        Created_Time: before!.Created_Time,
        Modified_By: { ...KEVIN, email: 'kevin.hart@zylker.com' },
      });
      expect(Date.parse(after!.Modified_Time) - Date.parse(before!.Modified_Time)).toBeGreaterThanOrEqual(
        90_000,
      );
    });

    it('leaves the record unchanged when an update fails', async () => {
      const id = await create(client, 'Leads', {
        Last_Name: 'Stable',
        Email: 'stable@example.com',
        Company: 'Keep',
      });
      const other = await create(client, 'Leads', { Last_Name: 'Other', Email: 'other@example.com' });
      const before = await fetchRecord(client, 'Leads', id);
      const attempts: Array<[Record<string, unknown>, Record<string, unknown>]> = [
        [
          { Company: 'Changed', Email: 'bad' },
          itemError('INVALID_DATA', 'invalid data', { api_name: 'Email', expected_data_type: 'email' }),
        ],
        [
          { Company: 'Changed', Last_Name: null },
          itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Last_Name' }),
        ],
        [
          { Company: 'Changed', Email: 'OTHER@example.com' },
          itemError('DUPLICATE_DATA', 'duplicate data', { api_name: 'Email', id: other }),
        ],
        [
          { Company: 'Changed', Tier__c: 'Platinum' },
          itemError('INVALID_DATA', 'invalid data', { api_name: 'Tier__c' }),
        ],
      ];
      for (const [fields, error] of attempts) {
        const res = await client.put(v2(`/Leads/${id}`), { data: [fields] });
        expect([res.status, res.json.data]).toEqual([400, [error]]);
      }
      expect(await fetchRecord(client, 'Leads', id)).toEqual(before);
      // Keeping one's own unique value is not a duplicate.
      expect(
        (await client.put(v2(`/Leads/${id}`), { data: [{ Email: 'stable@example.com', Tier__c: 'Gold' }] }))
          .status,
      ).toBe(200);
    });

    it('answers path-id errors: malformed at request level, unknown per item', async () => {
      const malformed = await client.put(v2('/Leads/12ab'), { data: [{ Last_Name: 'X' }] });
      expect([malformed.status, malformed.json]).toEqual([
        400,
        requestError('INVALID_DATA', 'the id given seems to be invalid'),
      ]);
      const unknown = await client.put(v2('/Leads/3652397000009999999'), { data: [{ Last_Name: 'X' }] });
      expect([unknown.status, unknown.json]).toEqual([
        400,
        {
          data: [
            itemError('INVALID_DATA', 'the id given seems to be invalid', { id: '3652397000009999999' }),
          ],
        },
      ]);
    });
  });

  describe('DELETE /{module}', () => {
    it('deletes by ids (≤100) answering each id, and by path id', async () => {
      const a = await create(client, 'Leads', { Last_Name: 'A' });
      const b = await create(client, 'Leads', { Last_Name: 'B' });
      const res = await client.delete(v2(`/Leads?ids=${a},bad-id,${b},3652397000009999999`));
      expect(res.status).toBe(202);
      expect(res.json.data).toEqual([
        { code: 'SUCCESS', details: { id: a }, message: 'record deleted', status: 'success' },
        itemError('INVALID_DATA', 'record not deleted', { id: 'bad-id' }),
        { code: 'SUCCESS', details: { id: b }, message: 'record deleted', status: 'success' },
        itemError('INVALID_DATA', 'record not deleted', { id: '3652397000009999999' }),
      ]);
      expect(await fetchRecord(client, 'Leads', a)).toBeUndefined();
      const c = await create(client, 'Leads', { Last_Name: 'C' });
      const single = await client.delete(v2(`/Leads/${c}`));
      expect([single.status, single.json]).toEqual([
        200,
        { data: [{ code: 'SUCCESS', details: { id: c }, message: 'record deleted', status: 'success' }] },
      ]);
      const again = await client.delete(v2(`/Leads/${c}`));
      expect([again.status, again.json]).toEqual([
        400,
        { data: [itemError('INVALID_DATA', 'record not deleted', { id: c })] },
      ]);
    });

    it('requires ids and caps them at 100', async () => {
      const missing = await client.delete(v2('/Leads'));
      expect([missing.status, missing.json]).toEqual([
        400,
        requestError('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param: 'ids' }),
      ]);
      const ids = Array.from({ length: 101 }, (_, i) => String(3652397000009000000 + i)).join(',');
      const tooMany = await client.delete(v2(`/Leads?ids=${ids}`));
      expect([tooMany.status, tooMany.json]).toEqual([
        400,
        requestError('LIMIT_EXCEEDED', 'limit exceeded', { param: 'ids', limit: 100 }),
      ]);
      const malformed = await client.delete(v2('/Leads/x1'));
      expect([malformed.status, malformed.json]).toEqual([
        400,
        requestError('INVALID_DATA', 'the id given seems to be invalid'),
      ]);
    });

    it('takes the notes of the record with it', async () => {
      const lead = await create(client, 'Leads', { Last_Name: 'Noted' });
      const note = await client.post(v2(`/Leads/${lead}/Notes`), { data: [{ Note_Content: 'Bye' }] });
      const noteId = note.json.data[0].details.id;
      await client.delete(v2(`/Leads/${lead}`));
      const notes = await client.get(v2('/Notes'));
      expect(notes.status === 204 ? [] : notes.json.data.map((n: any) => n.id)).not.toContain(noteId);
    });

    it('clears lookups to a deleted record', async () => {
      const account = await create(client, 'Accounts', { Account_Name: 'Short Lived' });
      const contact = await create(client, 'Contacts', {
        Last_Name: 'Orphan',
        Account_Name: { id: account },
      });
      expect((await client.delete(v2(`/Accounts/${account}`))).status).toBe(200);
      expect((await fetchRecord(client, 'Contacts', contact))!.Account_Name).toBeNull();
    });
  });

  describe('seeding', () => {
    const projects = {
      modules: [
        {
          api_name: 'Projects',
          display_field: 'Name',
          fields: [
            { api_name: 'Name', data_type: 'text', system_mandatory: true },
            { api_name: 'Code', data_type: 'text', unique: true },
            { api_name: 'Budget', data_type: 'currency', decimal_place: 2 },
          ],
        },
      ],
    };

    it('stores seed-file records through the write path', async () => {
      const seeded = await startTestEmulator({
        demoData: false,
        seed: { ...projects, records: { Projects: [{ Name: 'Apollo', Code: 'A-1', Budget: 10.005 }] } },
      });
      try {
        const res = await seeded.client.get(v2('/Projects'));
        expect(res.json.data).toEqual([
          expect.objectContaining({
            id: ID,
            Name: 'Apollo',
            Code: 'A-1',
            Budget: 10.01,
            Owner: expect.objectContaining(PATRICIA),
            Created_Time: TIME,
          }),
        ]);
        expect((await seeded.client.get(v2('/Leads'))).status).toBe(204);
      } finally {
        await seeded.emulator.stop();
      }
    });

    it('refuses to start with a seed record the write path rejects', async () => {
      const seed = {
        ...projects,
        records: {
          Projects: [
            { Name: 'Apollo', Code: 'A-1' },
            { Name: 'Gemini', Code: 'a-1' },
          ],
        },
      };
      await expect(startTestEmulator({ demoData: false, seed })).rejects.toThrow(
        /records\.Projects\[1\]: DUPLICATE_DATA/,
      );
    });
  });

  describe('GET /{module}/deleted', () => {
    it('lists the recycle bin, then the permanent list as time passes', async () => {
      const paul = await idOf(client, 'Leads', 'Email', 'p.daly@zylker.com');
      const kevin = new RawClient(
        emulator,
        (await obtainTokens(emulator, undefined, 'kevin.hart@zylker.com')).access_token,
      );
      await kevin.delete(v2(`/Leads/${paul}`));
      const entry = {
        deleted_by: KEVIN,
        id: paul,
        display_name: 'Paul Daly',
        type: 'recycle',
        created_by: PATRICIA,
        deleted_time: TIME,
      };
      const all = await client.get(v2('/Leads/deleted'));
      expect([all.status, all.json]).toEqual([
        200,
        { data: [entry], info: { per_page: 200, count: 1, page: 1, more_records: false } },
      ]);
      expect((await client.get(v2('/Leads/deleted?type=recycle'))).json.data).toEqual([entry]);
      expect((await client.get(v2('/Leads/deleted?type=permanent'))).status).toBe(204);
      expect((await client.get(v2('/Accounts/deleted'))).status).toBe(204);

      // Access tokens live an hour: take a fresh one after each jump.
      const jump = async (days: number) => {
        emulator.advanceClock(days * 86_400);
        client.accessToken = (await obtainTokens(emulator)).access_token;
      };
      await jump(61);
      expect((await client.get(v2('/Leads/deleted?type=recycle'))).status).toBe(204);
      expect((await client.get(v2('/Leads/deleted?type=permanent'))).json.data).toEqual([
        { ...entry, type: 'permanent' },
      ]);
      await jump(120);
      expect((await client.get(v2('/Leads/deleted'))).status).toBe(204);
    });

    it('pages, filters by If-Modified-Since and checks type', async () => {
      const ids = [
        await create(client, 'Leads', { Last_Name: 'D1' }),
        await create(client, 'Leads', { Last_Name: 'D2' }),
      ];
      await client.delete(v2(`/Leads?ids=${ids.join(',')}`));
      const page = await client.get(v2('/Leads/deleted?per_page=1&page=2'));
      expect(page.json.info).toEqual({ per_page: 1, count: 1, page: 2, more_records: false });
      const future = await client.get(v2('/Leads/deleted'), {
        'If-Modified-Since': '2999-01-01T00:00:00+05:30',
      });
      expect(future.status).toBe(304);
      const bad = await client.get(v2('/Leads/deleted?type=gone'));
      expect([bad.status, bad.json]).toEqual([
        400,
        requestError('INVALID_DATA', 'invalid data', { param: 'type' }),
      ]);
    });
  });

  describe('POST /{module}/upsert', () => {
    it('updates on a duplicate-check match and inserts otherwise, saying which', async () => {
      const paul = await idOf(client, 'Leads', 'Email', 'p.daly@zylker.com');
      const res = await client.post(v2('/Leads/upsert'), {
        data: [
          { Last_Name: 'Daly', Email: 'P.DALY@zylker.com', Designation: 'CTO' },
          { Last_Name: 'Newcomer', Email: 'new@example.com' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual([
        {
          code: 'SUCCESS',
          duplicate_field: 'Email',
          action: 'update',
          details: audit(paul),
          message: 'record updated',
          status: 'success',
        },
        {
          code: 'SUCCESS',
          duplicate_field: null,
          action: 'insert',
          details: audit(),
          message: 'record added',
          status: 'success',
        },
      ]);
      expect((await fetchRecord(client, 'Leads', paul))!.Designation).toBe('CTO');
    });

    it('matches on the given duplicate_check_fields, in order', async () => {
      const id = await create(client, 'Leads', {
        Last_Name: 'Ext',
        Email: 'ext@example.com',
        External_Id__c: 'EXT-1',
      });
      const res = await client.post(v2('/Leads/upsert'), {
        data: [{ Last_Name: 'Ext', Email: 'changed@example.com', External_Id__c: 'EXT-1' }],
        duplicate_check_fields: ['External_Id__c', 'Email'],
      });
      expect(res.json.data[0]).toMatchObject({
        duplicate_field: 'External_Id__c',
        action: 'update',
        details: { id },
      });
      expect((await fetchRecord(client, 'Leads', id))!.Email).toBe('changed@example.com');
      const notUnique = await client.post(v2('/Leads/upsert'), {
        data: [{ Last_Name: 'X' }],
        duplicate_check_fields: ['Company'],
      });
      expect([notUnique.status, notUnique.json]).toEqual([
        400,
        requestError('INVALID_DATA', 'invalid data', {
          api_name: 'duplicate_check_fields',
          field: 'Company',
        }),
      ]);
    });

    it('updates the record an item names by id, and reports item errors without an action', async () => {
      const id = await create(client, 'Leads', { Last_Name: 'ById' });
      const res = await client.post(v2('/Leads/upsert'), {
        data: [{ id, Company: 'Via id' }, { Company: 'No last name' }, { id: 'nope' }],
      });
      expect(res.status).toBe(202);
      expect(res.json.data).toEqual([
        {
          code: 'SUCCESS',
          duplicate_field: null,
          action: 'update',
          details: audit(id),
          message: 'record updated',
          status: 'success',
        },
        itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Last_Name' }),
        itemError('INVALID_DATA', 'the id given seems to be invalid', { id: 'nope' }),
      ]);
      expect(res.json.data[0].details.id).toEqual(ID);
    });
  });
});
