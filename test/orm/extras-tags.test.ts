import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ValidationException } from '../../src/errors/validation-exception';
import { addTags, removeTags } from '../../src/orm/extras';
import { captureRequests } from '../support/request-capture';
import { addFault } from '../support/sdk';
import { readRecordJson } from '../support/sub-resource-fixtures';
import {
  expectClientSideRejection,
  Lead,
  MISSING_ID,
  rejectionOf,
  saved,
  startExtrasEmulator,
  stopSdkEmulator,
} from './extras-support';

describe('record extras: tags', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startExtrasEmulator());
  });
  afterAll(() => stopSdkEmulator({ emulator, client }));

  const lead = (name = 'Tagged') => saved(client, Lead, 'Leads', { Last_Name: name });
  const tagsOf = async (id: string) =>
    ((await readRecordJson(client, 'Leads', id)).Tag ?? []).map((t: { name: string }) => t.name).sort();

  it('adds tags and resolves with every tag the record carries', async () => {
    const record = await lead();
    expect((await addTags(record, ['hot', 'q3'], { client })).sort()).toEqual(['hot', 'q3']);
    expect((await addTags(record, ['renewal'], { client })).sort()).toEqual(['hot', 'q3', 'renewal']);
    expect(await tagsOf(record.id!)).toEqual(['hot', 'q3', 'renewal']);
  });

  it('sends the names as one tag_names parameter', async () => {
    const record = await lead('Wire');
    const sent = captureRequests(client);
    const after = await addTags(record, ['a b', 'c'], { client });
    expect(sent.map((r) => [r.method, r.url])).toEqual([
      ['POST', `/crm/v2/Leads/${record.id}/actions/add_tags?tag_names=a+b,c`],
    ]);
    expect(after.sort()).toEqual(['a b', 'c']);
  });

  it('replaces the tags with overWrite', async () => {
    const record = await lead('Replaced');
    await addTags(record, ['old1', 'old2'], { client });
    expect(await addTags(record, ['new'], { client, overWrite: true })).toEqual(['new']);
    expect(await tagsOf(record.id!)).toEqual(['new']);
  });

  it('removes tags and resolves with those left', async () => {
    const record = await lead('Untagged');
    await addTags(record, ['a', 'b', 'c'], { client });
    expect((await removeTags(record, ['a', 'c'], { client })).sort()).toEqual(['b']);
    expect(await removeTags(record, ['b'], { client })).toEqual([]);
    expect(await tagsOf(record.id!)).toEqual([]);
  });

  it("reads the tags back when Zoho's answer does not list them", async () => {
    const record = await lead('Quiet answer');
    await addTags(record, ['first', 'second'], { client });
    await addFault(emulator, {
      method: 'POST',
      path: `/crm/v2/Leads/${record.id}/actions/add_tags`,
      times: 1,
      status: 200,
      body: {
        data: [
          {
            code: 'SUCCESS',
            details: { id: record.id },
            message: 'tags updated successfully',
            status: 'success',
          },
        ],
      },
    });
    const sent = captureRequests(client);
    expect((await addTags(record, ['third'], { client })).sort()).toEqual(['first', 'second']);
    expect(sent.map((r) => [r.method, r.url])).toEqual([
      ['POST', `/crm/v2/Leads/${record.id}/actions/add_tags?tag_names=third`],
      ['GET', `/crm/v2/Leads/${record.id}?fields=Tag`],
    ]);
  });

  it("sets the record's tags, keeping the ids it knew; reload() brings the others", async () => {
    const record = await lead('In step');
    await addTags(record, ['known'], { client });
    await record.reload();
    const knownId = record.tags![0].id;
    expect(knownId).toMatch(/^\d+$/);
    await addTags(record, ['fresh'], { client });
    expect([...record.tags!].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'fresh' },
      { name: 'known', id: knownId },
    ]);
    await removeTags(record, ['known'], { client });
    expect(record.tags).toEqual([{ name: 'fresh' }]);
    await record.reload();
    expect(record.tags).toEqual([{ name: 'fresh', id: expect.stringMatching(/^\d+$/) }]);
  });

  it('goes through the client of the repository the record was read with', async () => {
    const record = await lead('Bound');
    const sent = captureRequests(client);
    await addTags(record, ['bound']);
    await removeTags(record, ['bound']);
    expect(sent.map((r) => r.method + ' ' + r.url.replace(/\?.*/, ''))).toEqual([
      `POST /crm/v2/Leads/${record.id}/actions/add_tags`,
      `POST /crm/v2/Leads/${record.id}/actions/remove_tags`,
    ]);
  });

  describe('errors', () => {
    it('checks the record and the names before any request', async () => {
      let error = await expectClientSideRejection(emulator, () => addTags(new Lead(), ['x'], { client }));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.errorMessage).toContain('Lead.addTags() needs a saved record');
      error = await expectClientSideRejection(emulator, () => removeTags(new Lead(), ['x'], { client }));
      expect(error.errorMessage).toContain('Lead.removeTags() needs a saved record');

      const record = await lead('Checked');
      error = await expectClientSideRejection(emulator, () => addTags(record, [], { client }));
      expect(error.errorMessage).toBe('Lead.addTags() tag names: must hold 1 to 10 entries, got 0');
      const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
      error = await expectClientSideRejection(emulator, () => addTags(record, eleven, { client }));
      expect(error.errorMessage).toBe('Lead.addTags() tag names: must hold 1 to 10 entries, got 11');
      error = await expectClientSideRejection(emulator, () => addTags(record, ['a,b'], { client }));
      expect(error.errorMessage).toBe(
        'Lead.addTags() tag names[0]: "a,b" contains a comma, which Zoho reads as a separator',
      );
      error = await expectClientSideRejection(emulator, () => removeTags(record, ['ok', ' '], { client }));
      expect(error.errorMessage).toBe('Lead.removeTags() tag names[1]: must be a non-empty string');
      error = await expectClientSideRejection(emulator, () => addTags(record, 'hot' as never, { client }));
      expect(error.errorMessage).toBe('Lead.addTags() tag names: must be a list of 1 to 10 strings');
    });

    it("passes on Zoho's errors for a record that does not exist", async () => {
      const ghost = Object.assign(new Lead(), { id: MISSING_ID });
      const error = await rejectionOf(addTags(ghost, ['x'], { client }));
      expect([error.statusCode, error.errorCode, error.errorMessage]).toEqual([
        400,
        'INVALID_DATA',
        'the id given seems to be invalid',
      ]);
    });
  });
});
