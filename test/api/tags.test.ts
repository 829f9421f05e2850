import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMModule } from '../../src/api/entities/zcrm-module';
import { ZCRMTag } from '../../src/api/entities/zcrm-tag';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { addTags, removeTags } from '../../src/api/services/record-tags-service';
import {
  addTagsToMultipleRecords,
  createTags,
  getTagCount,
  getTags,
  removeTagsFromMultipleRecords,
  updateTags,
} from '../../src/api/entities/zcrm-module-tags';
import { ValidationException } from '../../src/errors/validation-exception';
import {
  createRecord,
  expectClientSideRejection,
  MISSING_ID,
  readRecordJson,
  rejectionOf,
  startSdkEmulator,
  stopSdkEmulator,
} from '../support/sub-resource-fixtures';

describe('tags', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startSdkEmulator());
  });
  afterAll(() => stopSdkEmulator({ emulator, client }));

  const tagNamesOf = async (record: ZCRMRecord): Promise<string[]> =>
    ((await readRecordJson(client, record.moduleApiName, record.entityId!)).Tag ?? []).map(
      (t: { name: string }) => t.name,
    );
  const tag = (name?: string, id?: string) => ZCRMTag.getInstance(id, name, client);

  describe('on one record', () => {
    it('adds tags and reads back the record’s tag list', async () => {
      const lead = await createRecord(client, 'Leads', { Last_Name: 'Tagged' });
      const response = await addTags(lead, ['hot', 'vip']);
      expect(response.status).toBe('success');
      expect(response.message).toBe('tags updated successfully');
      expect(response.data).toBe(lead);
      expect(lead.tagList.map((t) => t.name)).toEqual(['hot', 'vip']);
      expect(lead.tagList[0]).toBeInstanceOf(ZCRMTag);
      expect(await tagNamesOf(lead)).toEqual(['hot', 'vip']);
    });

    it('replaces the tags with overWrite, and removes tags', async () => {
      const lead = await createRecord(client, 'Leads', { Last_Name: 'Retagged' });
      await addTags(lead, ['a1', 'a2']);
      await addTags(lead, ['b1'], { overWrite: true });
      expect(await tagNamesOf(lead)).toEqual(['b1']);
      await addTags(lead, ['b2', 'b3']);
      const removed = await removeTags(lead, ['b1', 'b3']);
      expect(removed.data?.tagList.map((t) => t.name)).toEqual(['b2']);
      expect(await tagNamesOf(lead)).toEqual(['b2']);
    });

    it("throws Zoho's error when the record would carry more than 10 tags", async () => {
      const lead = await createRecord(client, 'Leads', { Last_Name: 'Crowded' });
      await addTags(
        lead,
        Array.from({ length: 8 }, (_, i) => `t${i}`),
      );
      const error = await rejectionOf(addTags(lead, ['x1', 'x2', 'x3']));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.errorCode).toBe('LIMIT_EXCEEDED');
      expect(await tagNamesOf(lead)).toHaveLength(8);
    });

    it("throws Zoho's error for an unknown record", async () => {
      const error = await rejectionOf(addTags(ZCRMRecord.getInstance('Leads', MISSING_ID, client), ['x']));
      expect(error.errorCode).toBe('INVALID_DATA');
    });

    it('checks names and the record id before any request', async () => {
      const lead = await createRecord(client, 'Leads', { Last_Name: 'Checked' });
      let error = await expectClientSideRejection(emulator, () => addTags(lead, []));
      expect(error.errorMessage).toContain('1 to 10');
      error = await expectClientSideRejection(emulator, () =>
        addTags(
          lead,
          Array.from({ length: 11 }, (_, i) => `n${i}`),
        ),
      );
      expect(error.errorMessage).toContain('got 11');
      error = await expectClientSideRejection(emulator, () => removeTags(lead, ['ok', '']));
      expect(error.errorMessage).toContain('tagNames[1]');
      error = await expectClientSideRejection(emulator, () => addTags(lead, ['a,b']));
      expect(error.errorMessage).toContain('comma');
      await expectClientSideRejection(emulator, () =>
        addTags(ZCRMRecord.getInstance('Leads', undefined, client), ['x']),
      );
    });
  });

  describe('module tags (settings/tags)', () => {
    const module = () => ZCRMModule.getInstance('Accounts', client);

    it('creates tags, matching each result to its input', async () => {
      const response = await createTags(module(), [tag('alpha'), tag('beta')]);
      expect(response.statusCode).toBe(201);
      expect(response.bulkEntityResponse.map((r) => [r.status, r.message])).toEqual([
        ['success', 'tags created successfully'],
        ['success', 'tags created successfully'],
      ]);
      expect(response.data.map((t) => t.name)).toEqual(['alpha', 'beta']);
      const [alpha] = response.data;
      expect(alpha.id).toMatch(/^\d{19}$/);
      expect(alpha.moduleApiName).toBe('Accounts');
      expect(alpha.createdBy).toBeInstanceOf(ZCRMUser);
      expect(alpha.createdBy?.name).toBe('Patricia Boyle');
      expect(response.bulkEntityResponse[0].data).toBe(alpha);
    });

    it('reports a duplicate per item without throwing, even when every item fails', async () => {
      const mixed = await createTags(module(), [tag('gamma'), tag('ALPHA')]);
      expect(mixed.bulkEntityResponse.map((r) => r.code)).toEqual(['SUCCESS', 'DUPLICATE_DATA']);
      expect(mixed.data.map((t) => t.name)).toEqual(['gamma']);
      expect(mixed.bulkEntityResponse[1].data).toBeUndefined();

      const allFailed = await createTags(module(), [tag('alpha')]);
      expect(allFailed.statusCode).toBe(400);
      expect(allFailed.bulkEntityResponse[0].status).toBe('error');
      expect(allFailed.bulkEntityResponse[0].code).toBe('DUPLICATE_DATA');
      expect(allFailed.data).toEqual([]);
    });

    it('lists tags with info', async () => {
      const response = await getTags(module());
      expect(response.data.map((t) => t.name)).toEqual(['alpha', 'beta', 'gamma']);
      expect(response.data.every((t) => t.moduleApiName === 'Accounts' && t.createdTime)).toBe(true);
      expect(response.info?.count).toBe(3);
      expect(response.info?.json.allowed_count).toBe(1000);
    });

    it('renames tags in bulk, matching results by id', async () => {
      const [alpha, beta] = (await getTags(module())).data;
      const renamedAlpha = tag('alpha-2', alpha.id);
      const badId = tag('ghost', MISSING_ID);
      const renamedBeta = tag('beta-2', beta.id);
      const response = await updateTags(module(), [renamedAlpha, badId, renamedBeta]);
      expect(response.bulkEntityResponse.map((r) => r.status)).toEqual(['success', 'error', 'success']);
      expect(response.bulkEntityResponse[1].code).toBe('INVALID_DATA');
      expect(response.data).toEqual([renamedAlpha, renamedBeta]);
      expect(renamedAlpha.modifiedTime).toBeDefined();
      expect((await getTags(module())).data.map((t) => t.name)).toEqual(['alpha-2', 'beta-2', 'gamma']);
    });

    it('counts the records carrying a tag', async () => {
      const account = await createRecord(client, 'Accounts', { Account_Name: 'Counted' });
      await addTags(account, ['gamma']);
      const gamma = (await getTags(module())).data.find((t) => t.name === 'gamma')!;
      const response = await getTagCount(module(), gamma.id!);
      expect(response.data).toBeInstanceOf(ZCRMTag);
      expect(response.data?.id).toBe(gamma.id);
      expect(response.data?.count).toBe(1);
      const error = await rejectionOf(getTagCount(module(), MISSING_ID));
      expect(error.errorCode).toBe('INVALID_DATA');
    });

    it('checks tag lists before any request', async () => {
      let error = await expectClientSideRejection(emulator, () => createTags(module(), []));
      expect(error.errorMessage).toContain('1 to 50');
      error = await expectClientSideRejection(emulator, () =>
        createTags(
          module(),
          Array.from({ length: 51 }, (_, i) => tag(`t${i}`)),
        ),
      );
      expect(error.errorMessage).toContain('got 51');
      error = await expectClientSideRejection(emulator, () => createTags(module(), [tag('has-id', '1')]));
      expect(error.errorMessage).toContain('without ids');
      error = await expectClientSideRejection(emulator, () => createTags(module(), [tag('')]));
      expect(error.errorMessage).toContain('tags[0].name');
      error = await expectClientSideRejection(emulator, () => updateTags(module(), [tag('no-id')]));
      expect(error.errorMessage).toContain('tags[0].id');
      await expectClientSideRejection(emulator, () => getTagCount(module(), ''));
    });
  });

  describe('a tag object', () => {
    const module = () => ZCRMModule.getInstance('Contacts', client);

    it('renames itself', async () => {
      const [created] = (await createTags(module(), [tag('old-name')])).data;
      created.name = 'new-name';
      const response = await created.update();
      expect(response.status).toBe('success');
      expect(response.data).toBe(created);
      expect((await getTags(module())).data.map((t) => t.name)).toContain('new-name');
    });

    it('merges into another tag: records move, the merged tag goes', async () => {
      const [keep, drop] = (await createTags(module(), [tag('keep'), tag('drop')])).data;
      const contact = await createRecord(client, 'Contacts', { Last_Name: 'Merged' });
      await addTags(contact, ['drop']);
      const response = await drop.merge(keep);
      expect(response.status).toBe('success');
      expect(response.data).toBe(keep);
      expect(keep.name).toBe('keep');
      expect(await tagNamesOf(contact)).toEqual(['keep']);
      expect((await getTags(module())).data.map((t) => t.name)).not.toContain('drop');
    });

    it('deletes itself, taking itself off records', async () => {
      const [doomed] = (await createTags(module(), [tag('doomed')])).data;
      const contact = await createRecord(client, 'Contacts', { Last_Name: 'Untagged' });
      await addTags(contact, ['doomed']);
      const response = await doomed.delete();
      expect(response.status).toBe('success');
      expect(await tagNamesOf(contact)).toEqual([]);
      const error = await rejectionOf(doomed.delete());
      expect(error.errorCode).toBe('INVALID_DATA');
    });

    it('checks ids, names and module before any request', async () => {
      let error = await expectClientSideRejection(emulator, () => tag('x').delete());
      expect(error.errorMessage).toContain('tag.id');
      error = await expectClientSideRejection(emulator, () => tag(undefined, '1').update());
      expect(error.errorMessage).toContain('tag.name');
      error = await expectClientSideRejection(emulator, () => tag('named', '1').update());
      expect(error.errorMessage).toContain('tag.moduleApiName');
      error = await expectClientSideRejection(emulator, () => tag('a', '1').merge(tag('b')));
      expect(error.errorMessage).toContain('target.id');
      error = await expectClientSideRejection(emulator, () => tag('a', '1').merge(tag('a', '1')));
      expect(error.errorMessage).toContain('itself');
    });
  });

  describe('on many records', () => {
    const module = () => ZCRMModule.getInstance('Leads', client);

    it('adds tags to several records, one result per id, matched by id', async () => {
      const one = await createRecord(client, 'Leads', { Last_Name: 'M1' });
      const two = await createRecord(client, 'Leads', { Last_Name: 'M2' });
      const response = await addTagsToMultipleRecords(
        module(),
        ['bulk', 'wave'],
        [one.entityId!, MISSING_ID, two.entityId!],
      );
      expect(response.bulkEntityResponse.map((r) => r.status)).toEqual(['success', 'error', 'success']);
      expect(response.bulkEntityResponse[1].details.id).toBe(MISSING_ID);
      expect(response.data.map((r) => r.entityId)).toEqual([one.entityId, two.entityId]);
      expect(response.data[0]).toBeInstanceOf(ZCRMRecord);
      expect(response.data[0].tagList.map((t) => t.name)).toEqual(['bulk', 'wave']);
      expect((response.responseJson as Record<string, unknown>).success_count).toBe('2');
      expect(await tagNamesOf(two)).toEqual(['bulk', 'wave']);

      const removed = await removeTagsFromMultipleRecords(module(), ['wave'], [one.entityId!, two.entityId!]);
      expect(removed.bulkEntityResponse.every((r) => r.isSuccess)).toBe(true);
      expect(removed.data.map((r) => r.tagList.map((t) => t.name))).toEqual([['bulk'], ['bulk']]);
      expect(await tagNamesOf(one)).toEqual(['bulk']);
    });

    it('checks tag names and ids before any request', async () => {
      let error = await expectClientSideRejection(emulator, () =>
        addTagsToMultipleRecords(module(), [], ['1']),
      );
      expect(error.errorMessage).toContain('tagNames');
      error = await expectClientSideRejection(emulator, () =>
        addTagsToMultipleRecords(
          module(),
          Array.from({ length: 51 }, (_, i) => `t${i}`),
          ['1'],
        ),
      );
      expect(error.errorMessage).toContain('1 to 50');
      error = await expectClientSideRejection(emulator, () =>
        removeTagsFromMultipleRecords(module(), ['x'], []),
      );
      expect(error.errorMessage).toContain('recordIds');
      error = await expectClientSideRejection(emulator, () =>
        removeTagsFromMultipleRecords(
          module(),
          ['x'],
          Array.from({ length: 101 }, (_, i) => String(i + 1)),
        ),
      );
      expect(error.errorMessage).toContain('1 to 100');
    });
  });
});
