import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';
import { getRecord, recordId } from './sub-resource-helpers';

/** Ids the emulator mints in order from a fresh start without demo data, so a seed can refer to earlier records. */
const seededId = (n: number) => `3652397${String(1_000_000 + n).padStart(12, '0')}`;

describe('related records', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator({
      demoData: false,
      seed: {
        records: {
          Vendors: [{ Vendor_Name: 'Supplies' }],
          Products: [{ Product_Name: 'Widget' }],
          Purchase_Orders: [
            {
              Subject: 'PO-1',
              Vendor_Name: { id: seededId(0) },
              Product_Details: [{ product: { id: seededId(1) }, quantity: 1 }],
            },
          ],
          Leads: [{ Last_Name: 'Lead' }],
          Campaigns: [{ Campaign_Name: 'Spring' }, { Campaign_Name: 'Autumn' }],
          Price_Books: [{ Price_Book_Name: 'Retail', Pricing_Model: 'Flat' }],
          Accounts: [{ Account_Name: 'Zylker' }],
          Contacts: [{ Last_Name: 'Con' }],
          Tasks: [{ Subject: 'Call back' }],
          Deals: [{ Deal_Name: 'Deal', Stage: 'Qualification' }],
        },
      },
    }));
    ids.lead = await recordId(client, 'Leads', 'Last_Name', 'Lead');
    ids.spring = await recordId(client, 'Campaigns', 'Campaign_Name', 'Spring');
    ids.autumn = await recordId(client, 'Campaigns', 'Campaign_Name', 'Autumn');
    ids.widget = await recordId(client, 'Products', 'Product_Name', 'Widget');
    ids.retail = await recordId(client, 'Price_Books', 'Price_Book_Name', 'Retail');
    ids.zylker = await recordId(client, 'Accounts', 'Account_Name', 'Zylker');
    ids.contact = await recordId(client, 'Contacts', 'Last_Name', 'Con');
    ids.task = await recordId(client, 'Tasks', 'Subject', 'Call back');
    ids.deal = await recordId(client, 'Deals', 'Deal_Name', 'Deal');
    ids.vendor = await recordId(client, 'Vendors', 'Vendor_Name', 'Supplies');
    ids.po = await recordId(client, 'Purchase_Orders', 'Subject', 'PO-1');
  });
  afterAll(() => emulator.stop());

  const related = async (path: string) => (await client.get(`/crm/v2/${path}`)).json?.data ?? [];
  const relatedIds = async (path: string) => (await related(path)).map((r: { id: string }) => r.id);

  describe('many-to-many lists', () => {
    it('answers 204 for an empty related list', async () => {
      const res = await client.get(`/crm/v2/Leads/${ids.lead}/Campaigns`);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
    });

    it('links in bulk with per-item results', async () => {
      const res = await client.put(`/crm/v2/Leads/${ids.lead}/Campaigns`, {
        data: [
          { id: ids.spring, Member_Status: 'Active' },
          { id: '3652397000999999999' },
          { Member_Status: 'x' },
        ],
      });
      expect(res.status).toBe(202);
      expect(res.json).toEqual({
        data: [
          { code: 'SUCCESS', details: { id: ids.spring }, message: 'relation added', status: 'success' },
          {
            code: 'INVALID_DATA',
            details: { id: '3652397000999999999' },
            message: 'the related id given seems to be invalid',
            status: 'error',
          },
          {
            code: 'MANDATORY_NOT_FOUND',
            details: { api_name: 'id' },
            message: 'required field not found',
            status: 'error',
          },
        ],
      });
    });

    it('lists related records with their relation data, on both sides', async () => {
      const res = await client.get(`/crm/v2/Leads/${ids.lead}/Campaigns`);
      expect(res.status).toBe(200);
      expect(res.json.info).toEqual({ per_page: 200, count: 1, page: 1, more_records: false });
      expect(res.json.data).toEqual([
        expect.objectContaining({ id: ids.spring, Campaign_Name: 'Spring', Member_Status: 'Active' }),
      ]);
      expect(await related(`Campaigns/${ids.spring}/Leads`)).toEqual([
        expect.objectContaining({ id: ids.lead, Full_Name: 'Lead', Member_Status: 'Active' }),
      ]);
    });

    it('links one record with or without relation data, and reads it back', async () => {
      const update = await client.put(`/crm/v2/Leads/${ids.lead}/Campaigns/${ids.spring}`, {
        data: [{ Member_Status: 'Sent' }],
      });
      expect(update.status).toBe(200);
      expect(update.json).toEqual({
        data: [
          { code: 'SUCCESS', details: { id: ids.spring }, message: 'relation added', status: 'success' },
        ],
      });
      const bare = await client.request('PUT', `/crm/v2/Leads/${ids.lead}/Campaigns/${ids.autumn}`);
      expect(bare.json.data[0].message).toBe('relation added');
      const one = await client.get(`/crm/v2/Leads/${ids.lead}/Campaigns/${ids.spring}`);
      expect(one.json).toEqual({
        data: [expect.objectContaining({ id: ids.spring, Member_Status: 'Sent' })],
      });
      expect(one.json.info).toBeUndefined();
    });

    it('pages and sorts a related list', async () => {
      const res = await client.get(
        `/crm/v2/Leads/${ids.lead}/Campaigns?sort_by=Campaign_Name&sort_order=desc&per_page=1`,
      );
      expect(res.json.data.map((r: { Campaign_Name: string }) => r.Campaign_Name)).toEqual(['Spring']);
      expect(res.json.info).toEqual({ per_page: 1, count: 1, page: 1, more_records: true });
      const second = await client.get(
        `/crm/v2/Leads/${ids.lead}/Campaigns?sort_by=Campaign_Name&sort_order=desc&per_page=1&page=2`,
      );
      expect(second.json.data[0].Campaign_Name).toBe('Autumn');
    });

    it('honours If-Modified-Since', async () => {
      const res = await client.get(`/crm/v2/Leads/${ids.lead}/Campaigns`, {
        'If-Modified-Since': '2999-01-01T00:00:00+05:30',
      });
      expect(res.status).toBe(304);
      expect(res.text).toBe('');
    });

    it('carries a numeric list_price between price books and products', async () => {
      const bad = await client.put(`/crm/v2/Price_Books/${ids.retail}/Products/${ids.widget}`, {
        data: [{ list_price: 'cheap' }],
      });
      expect(bad.status).toBe(400);
      expect(bad.json.data[0]).toEqual({
        code: 'INVALID_DATA',
        details: { api_name: 'list_price', expected_data_type: 'double' },
        message: 'invalid data',
        status: 'error',
      });
      expect((await client.get(`/crm/v2/Price_Books/${ids.retail}/Products`)).status).toBe(204);
      await client.put(`/crm/v2/Price_Books/${ids.retail}/Products/${ids.widget}`, {
        data: [{ list_price: 9.5 }],
      });
      expect(await related(`Price_Books/${ids.retail}/Products`)).toEqual([
        expect.objectContaining({ id: ids.widget, list_price: 9.5 }),
      ]);
      expect(await related(`Products/${ids.widget}/Price_Books`)).toEqual([
        expect.objectContaining({ id: ids.retail, list_price: 9.5 }),
      ]);
    });

    it('delinks one record on both sides, then reports it as not related', async () => {
      const res = await client.delete(`/crm/v2/Leads/${ids.lead}/Campaigns/${ids.autumn}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        data: [
          { code: 'SUCCESS', details: { id: ids.autumn }, message: 'relation removed', status: 'success' },
        ],
      });
      expect((await client.get(`/crm/v2/Campaigns/${ids.autumn}/Leads`)).status).toBe(204);
      const again = await client.delete(`/crm/v2/Leads/${ids.lead}/Campaigns/${ids.autumn}`);
      expect(again.status).toBe(400);
      expect(again.json.data[0]).toEqual({
        code: 'INVALID_DATA',
        details: { id: ids.autumn },
        message: 'the related id given seems to be invalid',
        status: 'error',
      });
    });

    it('delinks by ids with per-item results', async () => {
      const res = await client.delete(`/crm/v2/Leads/${ids.lead}/Campaigns?ids=${ids.spring},${ids.autumn}`);
      expect(res.status).toBe(202);
      expect(res.json.data.map((r: { message: string }) => r.message)).toEqual([
        'relation removed',
        'the related id given seems to be invalid',
      ]);
      expect((await client.get(`/crm/v2/Leads/${ids.lead}/Campaigns`)).status).toBe(204);
      const missing = await client.delete(`/crm/v2/Leads/${ids.lead}/Campaigns`);
      expect(missing.json).toEqual({
        code: 'REQUIRED_PARAM_MISSING',
        details: { param: 'ids' },
        message: 'One of the expected parameter is missing',
        status: 'error',
      });
    });
  });

  describe('lookup lists', () => {
    it('relates a child by pointing its lookup at the parent', async () => {
      const res = await client.put(`/crm/v2/Accounts/${ids.zylker}/Contacts/${ids.contact}`, { data: [{}] });
      expect(res.json).toEqual({
        data: [
          { code: 'SUCCESS', details: { id: ids.contact }, message: 'relation added', status: 'success' },
        ],
      });
      expect((await getRecord(client, 'Contacts', ids.contact)).Account_Name).toEqual({
        name: 'Zylker',
        id: ids.zylker,
      });
      expect(await relatedIds(`Accounts/${ids.zylker}/Contacts`)).toEqual([ids.contact]);
    });

    it('matches polymorphic lookups on the parent module too', async () => {
      await client.put(`/crm/v2/Leads/${ids.lead}/Tasks/${ids.task}`);
      const task = await getRecord(client, 'Tasks', ids.task);
      expect(task.What_Id).toEqual({ name: 'Lead', id: ids.lead });
      expect(task.$se_module).toBe('Leads');
      expect(await relatedIds(`Leads/${ids.lead}/Tasks`)).toEqual([ids.task]);
      expect((await client.get(`/crm/v2/Deals/${ids.deal}/Tasks`)).status).toBe(204);
    });

    it('delinks a child by clearing its lookup', async () => {
      const res = await client.delete(`/crm/v2/Accounts/${ids.zylker}/Contacts/${ids.contact}`);
      expect(res.json.data[0].message).toBe('relation removed');
      expect((await getRecord(client, 'Contacts', ids.contact)).Account_Name).toBeNull();
      expect((await client.get(`/crm/v2/Accounts/${ids.zylker}/Contacts`)).status).toBe(204);
    });

    it('reports the write path’s error and leaves the child as it was', async () => {
      const before = await getRecord(client, 'Purchase_Orders', ids.po);
      expect(before.Vendor_Name).toEqual({ name: 'Supplies', id: ids.vendor });
      const res = await client.delete(`/crm/v2/Vendors/${ids.vendor}/Purchase_Orders/${ids.po}`);
      expect(res.status).toBe(400);
      expect(res.json.data[0]).toEqual({
        code: 'MANDATORY_NOT_FOUND',
        details: { api_name: 'Vendor_Name' },
        message: 'required field not found',
        status: 'error',
      });
      expect(await getRecord(client, 'Purchase_Orders', ids.po)).toEqual(before);
    });
  });

  describe('errors and routing', () => {
    it('rejects an unknown related list and an unknown parent', async () => {
      const rl = await client.get(`/crm/v2/Leads/${ids.lead}/Nothing`);
      expect(rl.status).toBe(400);
      expect(rl.json).toEqual({
        code: 'INVALID_DATA',
        details: {},
        message: 'The relation name given seems to be invalid',
        status: 'error',
      });
      const parent = await client.get('/crm/v2/Leads/3652397000999999999/Campaigns');
      expect(parent.json).toEqual({
        code: 'INVALID_DATA',
        details: { id: '3652397000999999999' },
        message: 'the id given seems to be invalid',
        status: 'error',
      });
      const module = await client.get(`/crm/v2/Nope/${ids.lead}/Campaigns`);
      expect(module.json.code).toBe('INVALID_MODULE');
    });

    it('matches related list names case-insensitively, notes included', async () => {
      await client.post(`/crm/v2/Leads/${ids.lead}/Notes`, { data: [{ Note_Content: 'hello' }] });
      const notes = await related(`Leads/${ids.lead}/notes`);
      expect(notes).toEqual([
        expect.objectContaining({ Note_Content: 'hello', $se_module: 'Leads', $voice_note: false }),
      ]);
      expect((await client.get(`/crm/v2/Leads/${ids.lead}/attachments`)).status).toBe(204);
    });

    it('refuses relation writes to notes and attachments lists', async () => {
      const res = await client.put(`/crm/v2/Leads/${ids.lead}/notes`, { data: [{ id: ids.task }] });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'INVALID_REQUEST_METHOD',
        details: {},
        message: 'The http request method type is not a valid one',
        status: 'error',
      });
    });

    it('requires a data array for a bulk link', async () => {
      const res = await client.put(`/crm/v2/Leads/${ids.lead}/Campaigns`, { data: {} });
      expect(res.json).toEqual({
        code: 'INVALID_DATA',
        details: { api_name: 'data', expected_data_type: 'jsonarray' },
        message: 'invalid data',
        status: 'error',
      });
    });
  });
});
