import { RunningEmulator } from '../../src/emulator';
import { seedOrg } from '../../src/emulator/data/org';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';
import { bytesOf, ORG_HEADERS, pollJob, unzipText, uploadCsv, uploadForm, zipOf } from './bulk-support';

const LEADS = [
  {
    Last_Name: 'Smith',
    First_Name: 'Ann',
    Email: 'ann@smith.example',
    Lead_Source: 'Advertisement',
    Annual_Revenue: 5000,
    No_of_Employees: 10,
    Email_Opt_Out: false,
    Company: 'Smith & Co',
  },
  {
    Last_Name: 'O"Brien, Jr.',
    Email: 'ob@brien.example',
    Lead_Source: 'Trade Show',
    Annual_Revenue: 20000,
    No_of_Employees: 50,
    Description: 'line one\nline two',
    Company: 'Brien',
  },
  { Last_Name: 'Zed', Annual_Revenue: 100, Company: 'Acme Corp' },
  {
    Last_Name: 'Young',
    Email: 'young@acme.example',
    Lead_Source: 'Advertisement',
    Annual_Revenue: 15000,
    Company: 'Acme Inc',
    Email_Opt_Out: true,
  },
];

describe('bulk read and bulk write', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let zgid: string;
  let ids: Record<string, string>;
  let adminId: string;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator({
      demoData: false,
      seed: { records: { Leads: LEADS } },
    }));
    const list = await client.get('/crm/v2/Leads?per_page=200');
    ids = Object.fromEntries(list.json.data.map((r: any) => [r.Last_Name, r.id]));
    adminId = list.json.data[0].Owner.id;
    // X-CRM-ORG must carry the org's zgid (what `GET /org` reports): the seeded org's.
    zgid = seedOrg().zgid;
  });
  afterAll(() => emulator.stop());

  /** Creates a read job, polls it to completion and returns its parsed CSV rows (header first). */
  async function exportRows(query: Record<string, unknown>): Promise<string[][]> {
    const created = await client.post('/crm/bulk/v2/read', { query });
    expect(created.status).toBe(201);
    const id = created.json.data[0].details.id;
    await pollJob(client, `/crm/bulk/v2/read/${id}`, (b) => b.data[0].state);
    const result = await client.get(`/crm/bulk/v2/read/${id}/result`);
    const csv = unzipText(bytesOf(result))[`${id}.csv`];
    return csv
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
  }

  async function namesMatching(criteria: unknown): Promise<string[]> {
    const rows = await exportRows({ module: 'Leads', fields: ['Company'], criteria });
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return rows
      .slice(1)
      .map((r) => byId[r[0]])
      .sort();
  }

  describe('bulk read', () => {
    it('runs a job end to end: 201, ADDED → IN PROGRESS → COMPLETED, then a zipped RFC 4180 CSV', async () => {
      const before = (await client.admin('GET', 'limits')).creditsUsed;
      const created = await client.post('/crm/bulk/v2/read', {
        callback: { url: 'https://example.com/cb', method: 'post' },
        query: {
          module: 'Leads',
          fields: ['Last_Name', 'Email', 'Owner', 'Annual_Revenue', 'Description'],
          criteria: {
            group_operator: 'or',
            group: [
              { api_name: 'Lead_Source', comparator: 'equal', value: 'Advertisement' },
              { api_name: 'Annual_Revenue', comparator: 'greater_equal', value: 20000 },
            ],
          },
        },
      });
      expect(created.status).toBe(201);
      expect((await client.admin('GET', 'limits')).creditsUsed - before).toBe(50);
      const job = created.json.data[0];
      expect(created.json.info).toEqual({});
      expect(job).toEqual({
        status: 'success',
        code: 'ADDED_SUCCESSFULLY',
        message: 'Added successfully.',
        details: {
          id: expect.stringMatching(/^\d{19}$/),
          operation: 'read',
          state: 'ADDED',
          created_by: { id: adminId, name: 'Patricia Boyle' },
          created_time: expect.stringMatching(/\+05:30$/),
        },
      });
      const id = job.details.id;

      const early = await client.get(`/crm/bulk/v2/read/${id}/result`);
      expect(early.status).toBe(400);
      expect(early.json).toEqual({
        code: 'CANNOT_PROCESS',
        details: { id, state: 'ADDED' },
        message: 'the bulk job has not completed yet',
        status: 'error',
      });

      const { seen, body } = await pollJob(client, `/crm/bulk/v2/read/${id}`, (b) => b.data[0].state);
      expect(seen).toEqual(['IN PROGRESS', 'COMPLETED']);
      expect(body.data[0]).toEqual({
        id,
        operation: 'read',
        state: 'COMPLETED',
        query: expect.objectContaining({
          module: 'Leads',
          page: 1,
          fields: ['Last_Name', 'Email', 'Owner', 'Annual_Revenue', 'Description'],
        }),
        created_by: { id: adminId, name: 'Patricia Boyle' },
        created_time: job.details.created_time,
        file_type: 'csv',
        callback: { url: 'https://example.com/cb', method: 'post' },
        result: {
          page: 1,
          per_page: 200000,
          count: 3,
          download_url: `/crm/bulk/v2/read/${id}/result`,
          more_records: false,
        },
      });

      const download = await client.get(body.data[0].result.download_url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/zip');
      const files = unzipText(bytesOf(download));
      expect(Object.keys(files)).toEqual([`${id}.csv`]);
      expect(files[`${id}.csv`]).toBe(
        [
          'id,Last_Name,Email,Owner,Annual_Revenue,Description',
          `${ids.Smith},Smith,ann@smith.example,${adminId},5000,`,
          `${ids['O"Brien, Jr.']},"O""Brien, Jr.",ob@brien.example,${adminId},20000,"line one\nline two"`,
          `${ids.Young},Young,young@acme.example,${adminId},15000,`,
          '',
        ].join('\r\n'),
      );
    });

    it('exports every exportable field when none are named, id first', async () => {
      const rows = await exportRows({ module: 'leads' });
      expect(rows[0][0]).toBe('id');
      expect(rows[0]).toEqual(
        expect.arrayContaining(['Last_Name', 'Email', 'Owner', 'Created_Time', 'Lead_Source']),
      );
      expect(rows).toHaveLength(1 + LEADS.length);
    });

    it('completes on the first poll once the emulator clock has moved past the run time', async () => {
      const created = await client.post('/crm/bulk/v2/read', {
        query: { module: 'Leads', fields: ['Last_Name'] },
      });
      await client.admin('POST', 'clock', { advanceSeconds: 5 });
      const polled = await client.get(`/crm/bulk/v2/read/${created.json.data[0].details.id}`);
      expect(polled.json.data[0].state).toBe('COMPLETED');
      expect(polled.json.data[0].result.count).toBe(4);
    });

    it('serves page 2 as an empty export with more_records false', async () => {
      const created = await client.post('/crm/bulk/v2/read', {
        query: { module: 'Leads', fields: ['Last_Name'], page: 2 },
      });
      const id = created.json.data[0].details.id;
      const { body } = await pollJob(client, `/crm/bulk/v2/read/${id}`, (b) => b.data[0].state);
      expect(body.data[0].result).toEqual(
        expect.objectContaining({ page: 2, count: 0, more_records: false }),
      );
    });

    it('exports Events as iCalendar when file_type is ics', async () => {
      const fileId = await uploadCsv(
        client,
        zgid,
        'Event_Title,Start_DateTime,End_DateTime,Venue\n"Kick-off, Q3",2030-07-01T10:00:00+05:30,2030-07-01T11:00:00+05:30,Room 1\n',
        'Events.csv',
      );
      const write = await client.post('/crm/bulk/v2/write', {
        operation: 'insert',
        resource: [{ module: 'Events', file_id: fileId }],
      });
      const written = await pollJob(client, `/crm/bulk/v2/write/${write.json.details.id}`, (b) => b.status);
      expect(written.body.resource[0].file.added_count).toBe(1);
      const created = await client.post('/crm/bulk/v2/read', {
        query: { module: 'Events' },
        file_type: 'ics',
      });
      expect(created.status).toBe(201);
      const id = created.json.data[0].details.id;
      const { body } = await pollJob(client, `/crm/bulk/v2/read/${id}`, (b) => b.data[0].state);
      expect(body.data[0]).toEqual(
        expect.objectContaining({ file_type: 'ics', result: expect.objectContaining({ count: 1 }) }),
      );
      const ics = unzipText(bytesOf(await client.get(`/crm/bulk/v2/read/${id}/result`)))[`${id}.ics`];
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics).toContain('SUMMARY:Kick-off\\, Q3\r\n');
      expect(ics).toContain('DTSTART:20300701T043000Z\r\n');
      expect(ics).toContain('DTEND:20300701T053000Z\r\n');
      expect(ics).toContain('LOCATION:Room 1\r\n');
    });

    it.each([
      [
        'equal (text, case-insensitive)',
        { api_name: 'Lead_Source', comparator: 'equal', value: 'advertisement' },
        ['Smith', 'Young'],
      ],
      [
        'not_equal includes empty values',
        { api_name: 'Lead_Source', comparator: 'not_equal', value: 'Advertisement' },
        ['O"Brien, Jr.', 'Zed'],
      ],
      [
        'in',
        { api_name: 'Lead_Source', comparator: 'in', value: ['Trade Show', 'Advertisement'] },
        ['O"Brien, Jr.', 'Smith', 'Young'],
      ],
      [
        'not_in',
        { api_name: 'Last_Name', comparator: 'not_in', value: ['Smith', 'Zed'] },
        ['O"Brien, Jr.', 'Young'],
      ],
      ['less_than', { api_name: 'Annual_Revenue', comparator: 'less_than', value: 5000 }, ['Zed']],
      ['less_equal', { api_name: 'Annual_Revenue', comparator: 'less_equal', value: 5000 }, ['Smith', 'Zed']],
      [
        'greater_than (numeric string)',
        { api_name: 'Annual_Revenue', comparator: 'greater_than', value: '15000' },
        ['O"Brien, Jr.'],
      ],
      [
        'greater_equal',
        { api_name: 'No_of_Employees', comparator: 'greater_equal', value: 10 },
        ['O"Brien, Jr.', 'Smith'],
      ],
      [
        'between (inclusive)',
        { api_name: 'Annual_Revenue', comparator: 'between', value: [100, 5000] },
        ['Smith', 'Zed'],
      ],
      [
        'not_between',
        { api_name: 'Annual_Revenue', comparator: 'not_between', value: [100, 5000] },
        ['O"Brien, Jr.', 'Young'],
      ],
      ['contains', { api_name: 'Company', comparator: 'contains', value: 'acme' }, ['Young', 'Zed']],
      [
        'not_contains',
        { api_name: 'Company', comparator: 'not_contains', value: 'acme' },
        ['O"Brien, Jr.', 'Smith'],
      ],
      ['starts_with', { api_name: 'Company', comparator: 'starts_with', value: 'Acme C' }, ['Zed']],
      [
        'ends_with',
        { api_name: 'Email', comparator: 'ends_with', value: '.example' },
        ['O"Brien, Jr.', 'Smith', 'Young'],
      ],
      ['${EMPTY} with equal', { api_name: 'Lead_Source', comparator: 'equal', value: '${EMPTY}' }, ['Zed']],
      [
        '${EMPTY} with not_equal',
        { api_name: 'Email', comparator: 'not_equal', value: '${EMPTY}' },
        ['O"Brien, Jr.', 'Smith', 'Young'],
      ],
      ['boolean equal', { api_name: 'Email_Opt_Out', comparator: 'equal', value: true }, ['Young']],
      [
        'the field spelled as in mass update',
        { field: { api_name: 'Lead_Source' }, comparator: 'equal', value: 'Advertisement' },
        ['Smith', 'Young'],
      ],
      [
        'nested and/or groups',
        {
          group_operator: 'and',
          group: [
            { api_name: 'Annual_Revenue', comparator: 'greater_than', value: 1000 },
            {
              group_operator: 'or',
              group: [
                { api_name: 'Company', comparator: 'starts_with', value: 'acme' },
                { api_name: 'Lead_Source', comparator: 'equal', value: 'Trade Show' },
              ],
            },
          ],
        },
        ['O"Brien, Jr.', 'Young'],
      ],
    ])('criteria: %s', async (_name, criteria, expected) => {
      expect(await namesMatching(criteria)).toEqual([...expected].sort());
    });

    it('filters on id and on datetime ranges', async () => {
      expect(await namesMatching({ api_name: 'id', comparator: 'equal', value: ids.Zed })).toEqual(['Zed']);
      const inRange = await namesMatching({
        api_name: 'Created_Time',
        comparator: 'between',
        value: ['2000-01-01T00:00:00+05:30', '2999-01-01T00:00:00+05:30'],
      });
      expect(inRange).toHaveLength(4);
      expect(
        await namesMatching({
          api_name: 'Created_Time',
          comparator: 'less_than',
          value: '2000-01-01T00:00:00+05:30',
        }),
      ).toEqual([]);
      expect(await namesMatching({ api_name: 'Owner', comparator: 'equal', value: adminId })).toHaveLength(4);
    });

    it.each([
      [
        'a missing query',
        {},
        400,
        'MANDATORY_NOT_FOUND',
        'required field not found',
        { api_name: 'query', json_path: '$.query' },
      ],
      [
        'an unknown module',
        { query: { module: 'Leadz' } },
        400,
        'MODULE_NOT_AVAILABLE',
        "Requested module 'Leadz' is not available.",
        { api_name: 'module', json_path: '$.query.module' },
      ],
      [
        'a missing module',
        { query: { fields: ['Last_Name'] } },
        400,
        'MANDATORY_NOT_FOUND',
        'required field not found',
        { api_name: 'module', json_path: '$.query.module' },
      ],
      [
        'an unknown field',
        { query: { module: 'Leads', fields: ['Last_Name', 'Nope'] } },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'Nope', json_path: '$.query.fields[1]' },
      ],
      [
        'fields that are not a list',
        { query: { module: 'Leads', fields: 'Last_Name' } },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'fields', json_path: '$.query.fields', expected_data_type: 'jsonarray' },
      ],
      [
        'a bad page',
        { query: { module: 'Leads', page: 0 } },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'page', json_path: '$.query.page' },
      ],
      [
        'an unknown comparator',
        { query: { module: 'Leads', criteria: { api_name: 'Last_Name', comparator: 'like', value: 'a' } } },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'comparator', json_path: '$.query.criteria.comparator' },
      ],
      [
        'a comparator the type does not allow',
        {
          query: {
            module: 'Leads',
            criteria: {
              group_operator: 'and',
              group: [
                { api_name: 'Last_Name', comparator: 'equal', value: 'a' },
                { api_name: 'Last_Name', comparator: 'greater_than', value: 'a' },
              ],
            },
          },
        },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'comparator', json_path: '$.query.criteria.group[1].comparator' },
      ],
      [
        'an unknown criteria field',
        { query: { module: 'Leads', criteria: { api_name: 'Nope', comparator: 'equal', value: 'a' } } },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'Nope', json_path: '$.query.criteria.api_name' },
      ],
      [
        'a value of the wrong type',
        {
          query: {
            module: 'Leads',
            criteria: { api_name: 'Annual_Revenue', comparator: 'equal', value: 'lots' },
          },
        },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'Annual_Revenue', json_path: '$.query.criteria.value' },
      ],
      [
        'between with one bound',
        {
          query: {
            module: 'Leads',
            criteria: { api_name: 'Annual_Revenue', comparator: 'between', value: [1] },
          },
        },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'Annual_Revenue', json_path: '$.query.criteria.value' },
      ],
      [
        'a bad group operator',
        { query: { module: 'Leads', criteria: { group_operator: 'xor', group: [] } } },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'group_operator', json_path: '$.query.criteria.group_operator' },
      ],
      [
        'ics outside Events',
        { query: { module: 'Leads' }, file_type: 'ics' },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'file_type', json_path: '$.file_type' },
      ],
      [
        'a callback without a URL',
        { query: { module: 'Leads' }, callback: { method: 'post' } },
        400,
        'INVALID_DATA',
        'invalid data',
        { api_name: 'url', json_path: '$.callback.url' },
      ],
    ])('rejects %s', async (_name, body, status, code, message, details) => {
      const res = await client.post('/crm/bulk/v2/read', body);
      expect(res.status).toBe(status);
      expect(res.json).toEqual({ code, details, message, status: 'error' });
    });

    it('caps criteria at 25 conditions', async () => {
      const group = Array.from({ length: 26 }, (_, i) => ({
        api_name: 'Last_Name',
        comparator: 'equal',
        value: `n${i}`,
      }));
      const res = await client.post('/crm/bulk/v2/read', {
        query: { module: 'Leads', criteria: { group_operator: 'or', group } },
      });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'LIMIT_EXCEEDED',
        details: { api_name: 'criteria', json_path: '$.query.criteria.group[25]', limit: 25 },
        message: 'limit exceeded',
        status: 'error',
      });
    });

    it('answers malformed JSON and unknown jobs with Zoho envelopes', async () => {
      const bad = await client.post('/crm/bulk/v2/read', '{"query":');
      expect(bad.status).toBe(400);
      expect(bad.json.code).toBe('INVALID_DATA');
      const notFound = (resource: string) => ({
        code: 'RESOURCE_NOT_FOUND',
        details: { resource },
        message: "The requested resource doesn't exist.",
        status: 'error',
      });
      const unknown = await client.get('/crm/bulk/v2/read/1234567890123456789');
      expect([unknown.status, unknown.json]).toEqual([404, notFound('1234567890123456789')]);
      const result = await client.get('/crm/bulk/v2/read/1234567890123456789/result');
      expect([result.status, result.json]).toEqual([400, notFound('1234567890123456789')]);
      const write = await client.get('/crm/bulk/v2/write/1234567890123456789');
      expect([write.status, write.json]).toEqual([400, notFound('1234567890123456789')]);
      const malformed = await client.get('/crm/bulk/v2/write/not-a-job');
      expect([malformed.status, malformed.json]).toEqual([400, notFound('not-a-job')]);
    });

    it('needs ZohoCRM.bulk.READ and the module READ scope', async () => {
      const bulkOnly = await obtainTokens(emulator, 'ZohoCRM.bulk.READ');
      const denied = await client.request('POST', '/crm/bulk/v2/read', {
        body: { query: { module: 'Leads' } },
        token: bulkOnly.access_token,
      });
      expect(denied.status).toBe(401);
      expect(denied.json.code).toBe('OAUTH_SCOPE_MISMATCH');
      const both = await obtainTokens(emulator, 'ZohoCRM.bulk.read,ZohoCRM.modules.leads.READ');
      const allowed = await client.request('POST', '/crm/bulk/v2/read', {
        body: { query: { module: 'Leads' } },
        token: both.access_token,
      });
      expect(allowed.status).toBe(201);
      const modulesOnly = await obtainTokens(emulator, 'ZohoCRM.modules.ALL');
      const noBulk = await client.request('GET', `/crm/bulk/v2/read/${allowed.json.data[0].details.id}`, {
        token: modulesOnly.access_token,
      });
      expect(noBulk.status).toBe(401);
    });
  });

  describe('bulk write', () => {
    it("rejects uploads without the bulk-write headers, with Zoho's x-error body", async () => {
      const form = () => uploadForm(zipOf({ 'Leads.csv': 'Last_Name\nX\n' }));
      const variants: Record<string, string>[] = [
        {},
        { feature: 'bulk-write' },
        { 'X-CRM-ORG': zgid },
        { feature: 'bulk-write', 'X-CRM-ORG': '999' },
      ];
      for (const headers of variants) {
        const res = await client.request('POST', '/crm/v2/upload', { form: form(), headers });
        expect(res.status).toBe(400);
        expect(res.json).toEqual({
          'x-error': 'check if headers [feature:X-CRM-ORG] are present and valid',
          info: 'Forbidden',
        });
      }
    });

    it('rejects uploads that are not a zip holding one CSV', async () => {
      const cases: Array<[FormData, string]> = [
        [uploadForm(new TextEncoder().encode('Last_Name\nX\n'), 'Leads.csv'), 'INVALID_FILE_FORMAT'],
        [uploadForm(zipOf({ 'a.csv': 'Last_Name\n', 'b.csv': 'Last_Name\n' })), 'INVALID_FILE_FORMAT'],
        [uploadForm(zipOf({ 'a.txt': 'Last_Name\n' })), 'INVALID_FILE_FORMAT'],
        [uploadForm(zipOf({ 'a.csv': 'Last_Name\n"unterminated\n' })), 'INVALID_FILE_FORMAT'],
        [uploadForm(zipOf({ 'a.csv': 'Last_Name\n' }), 'x.zip', 'attachment'), 'REQUIRED_PARAM_MISSING'],
      ];
      for (const [form, code] of cases) {
        const res = await client.request('POST', '/crm/v2/upload', { form, headers: ORG_HEADERS(zgid) });
        expect(res.status).toBe(400);
        expect(res.json.code).toBe(code);
        expect(res.json.status).toBe('error');
      }
    });

    it('inserts rows from an uploaded CSV and reports per-row results', async () => {
      const csv =
        'Last Name,Mail,Source,Revenue,Opt out\r\nNew One,new1@x.example,Web Download,1200.5,true\r\n,nobody@x.example,Chat,1,false\r\n"Quote, ""Q""",q@x.example,,7,\r\nDup,ann@smith.example,,,\r\n';
      const upload = await client.request('POST', '/crm/v2/upload', {
        form: uploadForm(zipOf({ 'leads-import.csv': csv })),
        headers: ORG_HEADERS(zgid),
      });
      expect(upload.status).toBe(200);
      expect(upload.json).toEqual({
        status: 'success',
        code: 'FILE_UPLOAD_SUCCESS',
        message: 'file uploaded.',
        details: {
          file_id: expect.stringMatching(/^\d{19}$/),
          created_time: expect.stringMatching(/\+05:30$/),
        },
      });
      const fileId = upload.json.details.file_id;

      const before = (await client.admin('GET', 'limits')).creditsUsed;
      const created = await client.post('/crm/bulk/v2/write', {
        operation: 'insert',
        callback: { url: 'https://example.com/cb', method: 'post' },
        resource: [
          {
            type: 'data',
            module: 'Leads',
            file_id: fileId,
            ignore_empty: true,
            field_mappings: [
              { api_name: 'Last_Name', index: 0 },
              { api_name: 'Email', index: 1 },
              { api_name: 'Lead_Source', index: 2, default_value: { value: 'Trade Show' } },
              { api_name: 'Annual_Revenue', index: 3 },
              { api_name: 'Email_Opt_Out', index: 4 },
              { api_name: 'Company', default_value: { value: 'Imported Inc' } },
            ],
          },
        ],
      });
      expect(created.status).toBe(201);
      expect((await client.admin('GET', 'limits')).creditsUsed - before).toBe(500);
      expect(created.json).toEqual({
        status: 'success',
        code: 'SUCCESS',
        message: 'success',
        details: {
          id: expect.stringMatching(/^\d{19}$/),
          created_by: { id: adminId, name: 'Patricia Boyle' },
        },
      });
      const jobId = created.json.details.id;

      const first = await client.get(`/crm/bulk/v2/write/${jobId}`);
      expect(first.json.status).toBe('IN PROGRESS');
      expect(first.json.result).toBeUndefined();
      const early = await client.get(`/crm/bulk/v2/write/${jobId}/result`);
      expect(early.json.code).toBe('CANNOT_PROCESS');

      const done = await client.get(`/crm/bulk/v2/write/${jobId}`);
      expect(done.status).toBe(200);
      expect(done.json).toEqual({
        status: 'COMPLETED',
        character_encoding: 'UTF-8',
        resource: [
          {
            status: 'COMPLETED',
            type: 'data',
            module: 'Leads',
            field_mappings: expect.any(Array),
            ignore_empty: true,
            file: {
              status: 'COMPLETED',
              name: 'leads-import.csv',
              added_count: 2,
              skipped_count: 2,
              updated_count: 0,
              total_count: 4,
            },
          },
        ],
        id: jobId,
        callback: { url: 'https://example.com/cb', method: 'post' },
        result: { download_url: `${emulator.url}/crm/bulk/v2/write/${jobId}/result` },
        created_by: { id: adminId, name: 'Patricia Boyle' },
        operation: 'insert',
        created_time: expect.stringMatching(/\+05:30$/),
      });

      const result = await client.get(`/crm/bulk/v2/write/${jobId}/result`);
      expect(result.headers.get('content-type')).toBe('application/zip');
      const files = unzipText(bytesOf(result));
      expect(Object.keys(files)).toEqual(['Leads-leads-import.csv']);
      const lines = files['Leads-leads-import.csv'].trimEnd().split('\r\n');
      expect(lines[0]).toBe('Last Name,Mail,Source,Revenue,Opt out,STATUS,RECORD_ID,ERRORS');
      expect(lines[1]).toMatch(/^New One,new1@x\.example,Web Download,1200\.5,true,ADDED,\d{19},$/);
      expect(lines[2]).toBe(',nobody@x.example,Chat,1,false,SKIPPED,,MANDATORY_NOT_FOUND-Last Name');
      expect(lines[3]).toMatch(/^"Quote, ""Q""",q@x\.example,,7,,ADDED,\d{19},$/);
      expect(lines[4]).toBe('Dup,ann@smith.example,,,,SKIPPED,,DUPLICATE_DATA-Mail');

      const newId = lines[1].split(',')[6];
      const stored = (await client.get(`/crm/v2/Leads/${newId}`)).json.data[0];
      expect(stored).toEqual(
        expect.objectContaining({
          Last_Name: 'New One',
          Email: 'new1@x.example',
          Lead_Source: 'Web Download',
          Annual_Revenue: 1200.5,
          Email_Opt_Out: true,
          Company: 'Imported Inc',
        }),
      );
      const quoteId = lines[3].match(/ADDED,(\d{19})/)![1];
      const quoted = (await client.get(`/crm/v2/Leads/${quoteId}`)).json.data[0];
      expect(quoted).toEqual(
        expect.objectContaining({ Last_Name: 'Quote, "Q"', Lead_Source: 'Trade Show', Annual_Revenue: 7 }),
      );
      expect(quoted.Email_Opt_Out ?? null).not.toBe(true);
      const all = await client.get('/crm/v2/Leads?per_page=200');
      expect(all.json.data.some((r: any) => r.Email === 'nobody@x.example')).toBe(false);

      const again = await client.get(`/crm/bulk/v2/write/${jobId}`);
      expect(again.json.resource[0].file.added_count).toBe(2);
      expect((await client.get('/crm/v2/Leads?per_page=200')).json.data).toHaveLength(all.json.data.length);
    });

    it('updates by a unique field, keeping fields whose cells are empty when ignore_empty is set', async () => {
      const fileId = await uploadCsv(
        client,
        zgid,
        'Email,Company,Revenue\nann@smith.example,Smith Holdings,\nghost@x.example,Ghost,1\n,Keyless,2\n',
        'updates.csv',
      );
      const created = await client.post('/crm/bulk/v2/write', {
        operation: 'update',
        ignore_empty: true,
        resource: [
          {
            module: 'Leads',
            file_id: fileId,
            find_by: 'Email',
            field_mappings: [
              { api_name: 'Email', index: 0 },
              { api_name: 'Company', index: 1 },
              { api_name: 'Annual_Revenue', index: 2 },
            ],
          },
        ],
      });
      expect(created.status).toBe(201);
      const { body } = await pollJob(
        client,
        `/crm/bulk/v2/write/${created.json.details.id}`,
        (b) => b.status,
      );
      expect(body.resource[0].find_by).toBe('Email');
      expect(body.resource[0].file).toEqual(
        expect.objectContaining({ added_count: 0, updated_count: 1, skipped_count: 2, total_count: 3 }),
      );
      const smith = (await client.get(`/crm/v2/Leads/${ids.Smith}`)).json.data[0];
      expect(smith).toEqual(
        expect.objectContaining({ Company: 'Smith Holdings', Annual_Revenue: 5000, Last_Name: 'Smith' }),
      );
      const lines = unzipText(
        bytesOf(await client.get(`/crm/bulk/v2/write/${created.json.details.id}/result`)),
      )
        ['Leads-updates.csv'].trimEnd()
        .split('\r\n');
      expect(lines[1]).toBe(`ann@smith.example,Smith Holdings,,UPDATED,${ids.Smith},`);
      expect(lines[2]).toBe('ghost@x.example,Ghost,1,SKIPPED,,RESOURCE_NOT_FOUND-Email');
      expect(lines[3]).toBe(',Keyless,2,SKIPPED,,MANDATORY_NOT_FOUND-Email');
    });

    it('upserts by id with mappings taken from the header row', async () => {
      const fileId = await uploadCsv(
        client,
        zgid,
        `id,Last_Name,Lead_Status\n${ids.Zed},Zed,Contacted\n,Fresh,Not Contacted\n`,
      );
      const created = await client.post('/crm/bulk/v2/write', {
        operation: 'upsert',
        resource: [{ module: { api_name: 'Leads' }, file_id: fileId, find_by: 'id' }],
      });
      expect(created.status).toBe(201);
      const { body } = await pollJob(
        client,
        `/crm/bulk/v2/write/${created.json.details.id}`,
        (b) => b.status,
      );
      expect(body.resource[0].file).toEqual(
        expect.objectContaining({ added_count: 1, updated_count: 1, skipped_count: 0, total_count: 2 }),
      );
      expect((await client.get(`/crm/v2/Leads/${ids.Zed}`)).json.data[0].Lead_Status).toBe('Contacted');
      const list = await client.get('/crm/v2/Leads?per_page=200');
      expect(list.json.data.find((r: any) => r.Last_Name === 'Fresh')).toEqual(
        expect.objectContaining({ Lead_Status: 'Not Contacted' }),
      );
    });

    it('resolves lookups by a field of the target module and reformats dates', async () => {
      const accountFile = await uploadCsv(client, zgid, 'Account_Name\nGlobex\n', 'Accounts.csv');
      const accountJob = await client.post('/crm/bulk/v2/write', {
        operation: 'insert',
        resource: [{ module: 'Accounts', file_id: accountFile }],
      });
      await pollJob(client, `/crm/bulk/v2/write/${accountJob.json.details.id}`, (b) => b.status);
      const fileId = await uploadCsv(
        client,
        zgid,
        'Last,Account,Birthday,Owner\nHomer,globex,05/12/1956,patricia.boyle@zylker.com\nMarge,Initech,01/02/1960,patricia.boyle@zylker.com\n',
        'Contacts.csv',
      );
      const created = await client.post('/crm/bulk/v2/write', {
        operation: 'insert',
        resource: [
          {
            module: 'Contacts',
            file_id: fileId,
            field_mappings: [
              { api_name: 'Last_Name', index: 0 },
              { api_name: 'Account_Name', index: 1, find_by: 'Account_Name' },
              { api_name: 'Date_of_Birth', index: 2, format: 'MM/dd/yyyy' },
              { api_name: 'Owner', index: 3, find_by: 'email' },
            ],
          },
        ],
      });
      expect(created.status).toBe(201);
      const jobId = created.json.details.id;
      const { body } = await pollJob(client, `/crm/bulk/v2/write/${jobId}`, (b) => b.status);
      expect(body.resource[0].file).toEqual(expect.objectContaining({ added_count: 1, skipped_count: 1 }));
      const lines = unzipText(bytesOf(await client.get(`/crm/bulk/v2/write/${jobId}/result`)))
        ['Contacts-Contacts.csv'].trimEnd()
        .split('\r\n');
      expect(lines[2]).toBe(
        'Marge,Initech,01/02/1960,patricia.boyle@zylker.com,SKIPPED,,INVALID_DATA-Account',
      );
      const homerId = lines[1].split(',')[5];
      const homer = (await client.get(`/crm/v2/Contacts/${homerId}`)).json.data[0];
      expect(homer.Account_Name).toEqual({ name: 'Globex', id: expect.stringMatching(/^\d{19}$/) });
      expect(homer.Date_of_Birth).toBe('1956-05-12');
      expect(homer.Owner.id).toBe(adminId);
    });

    it.each([
      [
        'a missing operation',
        (f: string) => ({ resource: [{ module: 'Leads', file_id: f }] }),
        'MANDATORY_NOT_FOUND',
        { api_name: 'operation', json_path: '$.operation' },
      ],
      [
        'an unknown operation',
        (f: string) => ({ operation: 'delete', resource: [{ module: 'Leads', file_id: f }] }),
        'INVALID_DATA',
        { api_name: 'operation', json_path: '$.operation' },
      ],
      [
        'a missing resource',
        () => ({ operation: 'insert' }),
        'MANDATORY_NOT_FOUND',
        { api_name: 'resource', json_path: '$.resource' },
      ],
      [
        'an unknown file id',
        () => ({ operation: 'insert', resource: [{ module: 'Leads', file_id: '1234567890123456789' }] }),
        'INVALID_DATA',
        { api_name: 'file_id', json_path: '$.resource[0].file_id' },
      ],
      [
        'an unknown module',
        (f: string) => ({ operation: 'insert', resource: [{ module: 'Nope', file_id: f }] }),
        'MODULE_NOT_AVAILABLE',
        { api_name: 'module', json_path: '$.resource[0].module' },
      ],
      [
        'update without find_by',
        (f: string) => ({ operation: 'update', resource: [{ module: 'Leads', file_id: f }] }),
        'MANDATORY_NOT_FOUND',
        { api_name: 'find_by', json_path: '$.resource[0].find_by' },
      ],
      [
        'find_by on a non-unique field',
        (f: string) => ({
          operation: 'upsert',
          resource: [{ module: 'Leads', file_id: f, find_by: 'Last_Name' }],
        }),
        'INVALID_DATA',
        { api_name: 'find_by', json_path: '$.resource[0].find_by' },
      ],
      [
        'a mapping index past the last column',
        (f: string) => ({
          operation: 'insert',
          resource: [{ module: 'Leads', file_id: f, field_mappings: [{ api_name: 'Last_Name', index: 5 }] }],
        }),
        'INVALID_DATA',
        { api_name: 'index', json_path: '$.resource[0].field_mappings[0].index' },
      ],
      [
        'a mapping to an unknown field',
        (f: string) => ({
          operation: 'insert',
          resource: [{ module: 'Leads', file_id: f, field_mappings: [{ api_name: 'Nope', index: 0 }] }],
        }),
        'INVALID_DATA',
        { api_name: 'Nope', json_path: '$.resource[0].field_mappings[0].api_name' },
      ],
      [
        'a mapping to a read-only field',
        (f: string) => ({
          operation: 'insert',
          resource: [
            { module: 'Leads', file_id: f, field_mappings: [{ api_name: 'Created_Time', index: 0 }] },
          ],
        }),
        'INVALID_DATA',
        { api_name: 'Created_Time', json_path: '$.resource[0].field_mappings[0].api_name' },
      ],
    ])('rejects a job with %s and writes nothing', async (_name, body, code, details) => {
      const fileId = await uploadCsv(client, zgid, 'Last_Name,Email\nNever Written,never@x.example\n');
      const before = (await client.get('/crm/v2/Leads?per_page=200')).json.data.length;
      const res = await client.post('/crm/bulk/v2/write', body(fileId));
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ code, details, message: expect.any(String), status: 'error' });
      expect((await client.get('/crm/v2/Leads?per_page=200')).json.data).toHaveLength(before);
    });

    it('needs ZohoFiles.files.ALL to upload and the bulk CREATE plus module scopes to write', async () => {
      const noFiles = await obtainTokens(emulator, 'ZohoCRM.bulk.ALL,ZohoCRM.modules.ALL');
      const upload = await client.request('POST', '/crm/v2/upload', {
        form: uploadForm(zipOf({ 'a.csv': 'Last_Name\nA\n' })),
        headers: ORG_HEADERS(zgid),
        token: noFiles.access_token,
      });
      expect(upload.status).toBe(401);
      expect(upload.json.code).toBe('OAUTH_SCOPE_MISMATCH');
      const fileId = await uploadCsv(client, zgid, 'Last_Name\nA\n');
      const readOnly = await obtainTokens(emulator, 'ZohoCRM.bulk.CREATE,ZohoCRM.modules.leads.READ');
      const denied = await client.request('POST', '/crm/bulk/v2/write', {
        body: { operation: 'insert', resource: [{ module: 'Leads', file_id: fileId }] },
        token: readOnly.access_token,
      });
      expect(denied.status).toBe(401);
      const creator = await obtainTokens(emulator, 'ZohoCRM.bulk.CREATE,ZohoCRM.modules.leads.CREATE');
      const allowed = await client.request('POST', '/crm/bulk/v2/write', {
        body: { operation: 'insert', resource: [{ module: 'Leads', file_id: fileId }] },
        token: creator.access_token,
      });
      expect(allowed.status).toBe(201);
    });
  });
});
