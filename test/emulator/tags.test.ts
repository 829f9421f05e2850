import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';
import { ADMIN_REF, ANY_ID, ANY_TIME, getRecord, recordId } from './sub-resource-helpers';

describe('tags', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let a: string;
  let b: string;
  let c: string;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator({
      demoData: false,
      seed: { records: { Leads: [{ Last_Name: 'A' }, { Last_Name: 'B' }, { Last_Name: 'C' }] } },
    }));
    a = await recordId(client, 'Leads', 'Last_Name', 'A');
    b = await recordId(client, 'Leads', 'Last_Name', 'B');
    c = await recordId(client, 'Leads', 'Last_Name', 'C');
  });
  afterAll(() => emulator.stop());

  const tagsOf = async (id: string): Promise<string[]> =>
    ((await getRecord(client, 'Leads', id)).Tag ?? []).map((t: { name: string }) => t.name);
  const settings = async (): Promise<Array<{ name: string; id: string }>> =>
    (await client.get('/crm/v2/settings/tags?module=Leads')).json.tags;
  const tagId = async (name: string) => (await settings()).find((t) => t.name === name)!.id;

  describe('on one record', () => {
    it('adds tags by name, creating unknown ones', async () => {
      const res = await client.post(`/crm/v2/Leads/${a}/actions/add_tags?tag_names=hot,cold`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        data: [
          {
            code: 'SUCCESS',
            details: { id: a, tags: ['hot', 'cold'] },
            message: 'tags updated successfully',
            status: 'success',
          },
        ],
      });
      const record = await getRecord(client, 'Leads', a);
      expect(record.Tag).toEqual([
        { name: 'hot', id: ANY_ID },
        { name: 'cold', id: ANY_ID },
      ]);
      expect((await settings()).map((t) => t.name)).toEqual(['hot', 'cold']);
    });

    it('reuses existing tags whatever the case, without duplicating them on the record', async () => {
      const res = await client.post(`/crm/v2/Leads/${b}/actions/add_tags?tag_names=HOT,warm,Warm`);
      expect(res.json.data[0].details.tags).toEqual(['hot', 'warm']);
      const again = await client.post(`/crm/v2/Leads/${b}/actions/add_tags?tag_names=hot`);
      expect(again.json.data[0].details.tags).toEqual(['hot', 'warm']);
      expect((await settings()).map((t) => t.name)).toEqual(['hot', 'cold', 'warm']);
    });

    it('replaces the record’s tags with over_write=true', async () => {
      const res = await client.post(`/crm/v2/Leads/${c}/actions/add_tags?tag_names=old`);
      expect(res.json.data[0].details.tags).toEqual(['old']);
      const over = await client.post(`/crm/v2/Leads/${c}/actions/add_tags?tag_names=cold&over_write=true`);
      expect(over.json.data[0].details.tags).toEqual(['cold']);
      expect(await tagsOf(c)).toEqual(['cold']);
    });

    it('refuses an 11th tag, changing nothing', async () => {
      const nine = Array.from({ length: 8 }, (_, i) => `t${i}`).join(',');
      await client.post(`/crm/v2/Leads/${a}/actions/add_tags?tag_names=${nine}`);
      expect(await tagsOf(a)).toHaveLength(10);
      const before = await settings();
      const res = await client.post(`/crm/v2/Leads/${a}/actions/add_tags?tag_names=one-too-many`);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        data: [
          {
            code: 'LIMIT_EXCEEDED',
            details: { id: a, limit: 10 },
            message: 'limit exceeded',
            status: 'error',
          },
        ],
      });
      expect(await tagsOf(a)).toHaveLength(10);
      expect(await settings()).toEqual(before);
    });

    it('removes tags by name, ignoring names the record does not carry', async () => {
      const nine = Array.from({ length: 8 }, (_, i) => `t${i}`).join(',');
      const res = await client.post(`/crm/v2/Leads/${a}/actions/remove_tags?tag_names=${nine},nothing`);
      expect(res.status).toBe(200);
      expect(res.json.data[0]).toEqual({
        code: 'SUCCESS',
        details: { id: a, tags: ['hot', 'cold'] },
        message: 'tags updated successfully',
        status: 'success',
      });
      expect(await tagsOf(a)).toEqual(['hot', 'cold']);
    });

    it('requires tag_names and an existing record', async () => {
      const noNames = await client.post(`/crm/v2/Leads/${a}/actions/add_tags`);
      expect(noNames.status).toBe(400);
      expect(noNames.json).toEqual({
        code: 'REQUIRED_PARAM_MISSING',
        details: { param: 'tag_names' },
        message: 'One of the expected parameter is missing',
        status: 'error',
      });
      const unknown = await client.post('/crm/v2/Leads/3652397000999999999/actions/add_tags?tag_names=x');
      expect(unknown.json).toEqual({
        code: 'INVALID_DATA',
        details: { id: '3652397000999999999' },
        message: 'the id given seems to be invalid',
        status: 'error',
      });
      expect((await settings()).map((t) => t.name)).not.toContain('x');
    });
  });

  describe('on many records', () => {
    it('adds tags to several records with counts beside the results', async () => {
      const res = await client.post(
        `/crm/v2/Leads/actions/add_tags?ids=${b},${c},3652397000999999999&tag_names=bulk`,
      );
      expect(res.status).toBe(202);
      expect(res.json).toEqual({
        data: [
          {
            code: 'SUCCESS',
            details: { id: b, tags: ['hot', 'warm', 'bulk'] },
            message: 'tags updated successfully',
            status: 'success',
          },
          {
            code: 'SUCCESS',
            details: { id: c, tags: ['cold', 'bulk'] },
            message: 'tags updated successfully',
            status: 'success',
          },
          {
            code: 'INVALID_DATA',
            details: { id: '3652397000999999999' },
            message: 'the id given seems to be invalid',
            status: 'error',
          },
        ],
        wf_scheduler: false,
        success_count: '2',
        locked_count: 0,
      });
    });

    it('removes tags from several records', async () => {
      const res = await client.post(`/crm/v2/Leads/actions/remove_tags?ids=${b},${c}&tag_names=bulk`);
      expect(res.status).toBe(200);
      expect(res.json.success_count).toBe('2');
      expect(await tagsOf(b)).toEqual(['hot', 'warm']);
      expect(await tagsOf(c)).toEqual(['cold']);
    });

    it('charges one credit per 50 records', async () => {
      const remaining = async (res: { headers: Headers }) =>
        Number(res.headers.get('x-ratelimit-day-remaining'));
      const before = await remaining(await client.get('/crm/v2/settings/tags?module=Leads'));
      const ids = Array.from({ length: 51 }, (_, i) => String(3652397000900000000n + BigInt(i))).join(',');
      const res = await client.post(`/crm/v2/Leads/actions/add_tags?ids=${ids}&tag_names=none`);
      expect(res.status).toBe(400);
      expect(await remaining(res)).toBe(before - 2);
    });

    it('requires ids', async () => {
      const res = await client.post('/crm/v2/Leads/actions/add_tags?tag_names=x');
      expect(res.json).toEqual({
        code: 'REQUIRED_PARAM_MISSING',
        details: { param: 'ids' },
        message: 'One of the expected parameter is missing',
        status: 'error',
      });
    });
  });

  describe('settings', () => {
    it('lists a module’s tags with info', async () => {
      const res = await client.get('/crm/v2/settings/tags?module=Leads');
      expect(res.status).toBe(200);
      expect(res.json.info).toEqual({ count: res.json.tags.length, allowed_count: 1000 });
      expect(res.json.tags[0]).toEqual({
        created_by: ADMIN_REF,
        modified_by: ADMIN_REF,
        created_time: ANY_TIME,
        modified_time: ANY_TIME,
        name: 'hot',
        id: ANY_ID,
      });
      const other = await client.get('/crm/v2/settings/tags?module=Contacts');
      expect(other.json).toEqual({ tags: [], info: { count: 0, allowed_count: 1000 } });
    });

    it('requires a valid module', async () => {
      const missing = await client.get('/crm/v2/settings/tags');
      expect(missing.json).toEqual({
        code: 'REQUIRED_PARAM_MISSING',
        details: { param: 'module' },
        message: 'One of the expected parameter is missing',
        status: 'error',
      });
      const bad = await client.get('/crm/v2/settings/tags?module=Nope');
      expect(bad.json.code).toBe('INVALID_MODULE');
    });

    it('creates tags with per-item results under `tags`', async () => {
      const res = await client.post('/crm/v2/settings/tags?module=Leads', {
        tags: [{ name: 'vip' }, { name: 'VIP' }, { name: ' ' }],
      });
      expect(res.status).toBe(202);
      const vip = res.json.tags[0].details.id;
      expect(res.json.tags).toEqual([
        {
          code: 'SUCCESS',
          details: {
            created_by: ADMIN_REF,
            modified_by: ADMIN_REF,
            created_time: ANY_TIME,
            modified_time: ANY_TIME,
            name: 'vip',
            id: ANY_ID,
          },
          message: 'tags created successfully',
          status: 'success',
        },
        {
          code: 'DUPLICATE_DATA',
          details: { api_name: 'name', id: vip },
          message: 'duplicate data',
          status: 'error',
        },
        {
          code: 'MANDATORY_NOT_FOUND',
          details: { api_name: 'name' },
          message: 'required field not found',
          status: 'error',
        },
      ]);
      const ok = await client.post('/crm/v2/settings/tags?module=Leads', { tags: [{ name: 'gold' }] });
      expect(ok.status).toBe(201);
    });

    it('creates at most 50 tags per call', async () => {
      const before = await settings();
      const res = await client.post('/crm/v2/settings/tags?module=Leads', {
        tags: Array.from({ length: 51 }, (_, i) => ({ name: `n${i}` })),
      });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'LIMIT_EXCEEDED',
        details: { api_name: 'tags', limit: 50 },
        message: 'limit exceeded',
        status: 'error',
      });
      expect(await settings()).toEqual(before);
    });

    it('renames tags in bulk, and records show the new name', async () => {
      const hot = await tagId('hot');
      const res = await client.put('/crm/v2/settings/tags?module=Leads', {
        tags: [{ id: hot, name: 'burning' }, { name: 'no id' }, { id: '3652397000999999999', name: 'x' }],
      });
      expect(res.status).toBe(202);
      expect(res.json.tags).toEqual([
        expect.objectContaining({
          code: 'SUCCESS',
          message: 'tags updated successfully',
          details: expect.objectContaining({ id: hot, name: 'burning' }),
        }),
        {
          code: 'MANDATORY_NOT_FOUND',
          details: { api_name: 'id' },
          message: 'required field not found',
          status: 'error',
        },
        {
          code: 'INVALID_DATA',
          details: { id: '3652397000999999999' },
          message: 'the id given seems to be invalid',
          status: 'error',
        },
      ]);
      expect(await tagsOf(a)).toEqual(['burning', 'cold']);
    });

    it('renames one tag, refusing a name another tag has', async () => {
      const cold = await tagId('cold');
      const clash = await client.put(`/crm/v2/settings/tags/${cold}?module=Leads`, {
        tags: [{ name: 'Burning' }],
      });
      expect(clash.status).toBe(400);
      expect(clash.json.tags[0]).toEqual({
        code: 'DUPLICATE_DATA',
        details: { api_name: 'name', id: await tagId('burning') },
        message: 'duplicate data',
        status: 'error',
      });
      expect(await tagsOf(a)).toEqual(['burning', 'cold']);
      const res = await client.put(`/crm/v2/settings/tags/${cold}?module=Leads`, { tags: [{ name: 'icy' }] });
      expect(res.status).toBe(200);
      expect(res.json.tags[0]).toEqual(
        expect.objectContaining({ code: 'SUCCESS', message: 'tags updated successfully' }),
      );
      expect(await tagsOf(c)).toEqual(['icy']);
    });

    it('counts the records carrying a tag', async () => {
      const res = await client.get(
        `/crm/v2/settings/tags/${await tagId('icy')}/actions/records_count?module=Leads`,
      );
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ count: '2' });
    });

    it('merges a tag into another: records carry the target once and the merged tag is gone', async () => {
      const burning = await tagId('burning');
      const icy = await tagId('icy');
      const res = await client.post(`/crm/v2/settings/tags/${burning}/actions/merge`, {
        tags: [{ conflict_id: icy }],
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        tags: [
          {
            code: 'SUCCESS',
            details: expect.objectContaining({ id: burning, name: 'burning' }),
            message: 'tags merged successfully',
            status: 'success',
          },
        ],
      });
      expect(await tagsOf(a)).toEqual(['burning']);
      expect(await tagsOf(c)).toEqual(['burning']);
      expect((await settings()).map((t) => t.name)).not.toContain('icy');
    });

    it('refuses a merge without a valid conflict tag', async () => {
      const burning = await tagId('burning');
      const missing = await client.post(`/crm/v2/settings/tags/${burning}/actions/merge`, { tags: [{}] });
      expect(missing.json).toEqual({
        code: 'MANDATORY_NOT_FOUND',
        details: { api_name: 'conflict_id' },
        message: 'required field not found',
        status: 'error',
      });
      const self = await client.post(`/crm/v2/settings/tags/${burning}/actions/merge`, {
        tags: [{ conflict_id: burning }],
      });
      expect(self.json).toEqual({
        code: 'INVALID_DATA',
        details: { api_name: 'conflict_id' },
        message: 'invalid data',
        status: 'error',
      });
      expect(await tagsOf(a)).toEqual(['burning']);
    });

    it('deletes a tag and takes it off records', async () => {
      const burning = await tagId('burning');
      const res = await client.delete(`/crm/v2/settings/tags/${burning}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        tags: [
          {
            code: 'SUCCESS',
            details: { id: burning },
            message: 'tags deleted successfully',
            status: 'success',
          },
        ],
      });
      expect(await tagsOf(a)).toEqual([]);
      const again = await client.delete(`/crm/v2/settings/tags/${burning}`);
      expect(again.json).toEqual({
        code: 'INVALID_DATA',
        details: { id: burning },
        message: 'the id given seems to be invalid',
        status: 'error',
      });
    });

    it('needs the tags settings scope', async () => {
      const tokens = await obtainTokens(emulator, 'ZohoCRM.modules.ALL');
      const res = await client.request('GET', '/crm/v2/settings/tags?module=Leads', {
        token: tokens.access_token,
      });
      expect(res.status).toBe(401);
      expect(res.json.code).toBe('OAUTH_SCOPE_MISMATCH');
    });
  });
});
