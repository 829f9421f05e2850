/**
 * ZCRMModule and ZCRMRecord expose the metadata, tag and sub-resource calls implemented in the
 * zcrm-module-*.ts modules and the record services (src/api/services/record-*-service.ts): each delegating
 * method must reach its endpoint with this module or record (the calls themselves are tested with their
 * implementations).
 */
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMModule } from '../../src/api/entities/zcrm-module';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ValidationException } from '../../src/errors';
import { captureRequests, CapturedRequest } from '../support/record-helpers';
import { authorisedClient } from '../support/sdk';

let emulator: RunningEmulator;
let client: ZCRMRestClient;
let sent: CapturedRequest[];
let leads: ZCRMModule;
let lead: ZCRMRecord;

beforeAll(async () => {
  emulator = await startEmulator();
  client = await authorisedClient(emulator);
  sent = captureRequests(client);
  leads = ZCRMModule.getInstance('Leads', client);
  lead = (await leads.getRecords({ perPage: 1 })).data[0];
});

afterAll(async () => {
  await client.close();
  await emulator.stop();
});

beforeEach(() => {
  sent.length = 0;
});

const last = () => sent[sent.length - 1];

describe('ZCRMModule delegates', () => {
  it.each([
    ['getAllFields', () => leads.getAllFields(), '/crm/v2/settings/fields'],
    ['getAllLayouts', () => leads.getAllLayouts(), '/crm/v2/settings/layouts'],
    ['getAllCustomViews', () => leads.getAllCustomViews(), '/crm/v2/settings/custom_views'],
    ['getAllRelatedLists', () => leads.getAllRelatedLists(), '/crm/v2/settings/related_lists'],
    ['getTags', () => leads.getTags(), '/crm/v2/settings/tags'],
  ])("%s reads the module's metadata", async (_name, call, path) => {
    const response = (await call()) as { data: unknown[] };
    expect(last().path).toBe(path);
    expect(last().query.get('module')).toBe('Leads');
    expect(Array.isArray(response.data)).toBe(true);
  });

  it('getField, getLayout, getCustomView and getRelatedList take an id', async () => {
    const field = (await leads.getAllFields()).data[0];
    expect((await leads.getField(field.id!)).data!.id).toBe(field.id);
    const layout = (await leads.getAllLayouts()).data[0];
    expect((await leads.getLayout(layout.id!)).data!.id).toBe(layout.id);
    const view = (await leads.getAllCustomViews()).data[0];
    expect((await leads.getCustomView(view.id!)).data!.id).toBe(view.id);
    const list = (await leads.getAllRelatedLists()).data[0];
    expect((await leads.getRelatedList(list.id!)).data!.id).toBe(list.id);
    expect(last().path).toBe(`/crm/v2/settings/related_lists/${list.id}`);
  });

  it('tags records of the module and checks the limits before any request', async () => {
    const response = await leads.addTagsToMultipleRecords(['delegated'], [lead.entityId!]);
    expect(last().path).toBe('/crm/v2/Leads/actions/add_tags');
    expect(response.data[0].tagList.map((t) => t.name)).toContain('delegated');
    await leads.removeTagsFromMultipleRecords(['delegated'], [lead.entityId!]);
    expect(last().path).toBe('/crm/v2/Leads/actions/remove_tags');
    sent.length = 0;
    await expect(leads.addTagsToMultipleRecords([], [lead.entityId!])).rejects.toBeInstanceOf(
      ValidationException,
    );
    await expect(leads.createTags([])).rejects.toBeInstanceOf(ValidationException);
    await expect(leads.updateTags([])).rejects.toBeInstanceOf(ValidationException);
    await expect(leads.getTagCount('')).rejects.toBeInstanceOf(ValidationException);
    await expect(leads.updateCustomView(undefined as never)).rejects.toBeInstanceOf(ValidationException);
    await expect(ZCRMModule.getInstance('Leads', client).updateModuleSettings()).rejects.toBeInstanceOf(
      ValidationException,
    );
    expect(sent).toHaveLength(0);
  });
});

describe('ZCRMRecord delegates', () => {
  it('lists attachments, notes and related records of this record', async () => {
    await lead.getAttachments();
    expect(last().path).toBe(`/crm/v2/Leads/${lead.entityId}/Attachments`);
    await lead.getNotes();
    expect(last().path).toBe(`/crm/v2/Leads/${lead.entityId}/Notes`);
    await lead.getRelatedListRecords('Campaigns');
    expect(last().path).toBe(`/crm/v2/Leads/${lead.entityId}/Campaigns`);
  });

  it('tags and untags this record', async () => {
    const tagged = await lead.addTags(['vip']);
    expect(last().path).toBe(`/crm/v2/Leads/${lead.entityId}/actions/add_tags`);
    expect(tagged.data).toBe(lead);
    expect(lead.tagList.map((t) => t.name)).toContain('vip');
    await lead.removeTags(['vip']);
    expect(last().path).toBe(`/crm/v2/Leads/${lead.entityId}/actions/remove_tags`);
  });

  it("reads the blueprint and checks the other calls' arguments before any request", async () => {
    await lead.getBlueprint().catch(() => undefined);
    expect(last().path).toBe(`/crm/v2/Leads/${lead.entityId}/actions/blueprint`);
    sent.length = 0;
    const fresh = ZCRMRecord.getInstance('Leads', undefined, client);
    for (const call of [
      () => fresh.getAttachments(),
      () => lead.uploadLinkAsAttachment(''),
      () => lead.downloadAttachment(''),
      () => lead.deleteAttachment(''),
      () => lead.addNote(undefined as never),
      () => lead.updateNote(undefined as never),
      () => lead.deleteNote(undefined as never),
      () => fresh.uploadPhoto(Buffer.from('x'), { fileName: 'a.png' }),
      () => fresh.downloadPhoto(),
      () => fresh.deletePhoto(),
      () => lead.addRelation(undefined as never),
      () => lead.removeRelation(undefined as never),
      () => lead.addRelations('Campaigns', []),
      () => lead.removeRelations('Campaigns', []),
      () => lead.addTags([]),
      () => lead.removeTags([]),
      () => fresh.getBlueprint(),
      () => lead.updateBlueprint(),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(ValidationException);
    }
    expect(sent).toHaveLength(0);
  });
});
