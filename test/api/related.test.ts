import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { ZCRMJunctionRecord } from '../../src/api/entities/zcrm-junction-record';
import { ZCRMModuleRelation } from '../../src/api/entities/zcrm-module-relation';
import { ZCRMNote } from '../../src/api/entities/zcrm-note';
import {
  addRelation,
  addRelations,
  getRelatedListRecords,
  removeRelation,
  removeRelations,
} from '../../src/api/services/record-related-service';
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

describe('related lists', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startSdkEmulator());
  });
  afterAll(() => stopSdkEmulator({ emulator, client }));

  const junction = (list: string, record: ZCRMRecord, data: Record<string, unknown> = {}) => {
    const j = ZCRMJunctionRecord.getInstance(list, record.entityId!);
    for (const [key, value] of Object.entries(data)) j.setRelatedData(key, value);
    return j;
  };
  const campaign = (name: string) => createRecord(client, 'Campaigns', { Campaign_Name: name });

  describe('many-to-many lists', () => {
    it('relates a record with relation data and lists it on both sides', async () => {
      const lead = await createRecord(client, 'Leads', { Last_Name: 'Member' });
      const spring = await campaign('Spring');
      const link = junction('Campaigns', spring, { Member_Status: 'Active' });
      expect(link.getRelatedData()).toEqual({ Member_Status: 'Active' });

      const response = await addRelation(lead, link);
      expect(response.status).toBe('success');
      expect(response.message).toBe('relation added');
      expect(response.data).toBe(link);

      const listed = await getRelatedListRecords(lead, 'Campaigns');
      expect(listed.statusCode).toBe(200);
      expect(listed.data).toHaveLength(1);
      const related = listed.data[0];
      expect(related).toBeInstanceOf(ZCRMRecord);
      expect(related.moduleApiName).toBe('Campaigns');
      expect(related.entityId).toBe(spring.entityId);
      expect(related.getFieldValue('Campaign_Name')).toBe('Spring');
      expect(related.getFieldValue('Member_Status')).toBe('Active');
      expect(related.owner).toBeInstanceOf(ZCRMUser);
      expect(listed.info?.page).toBe(1);

      const reverse = await getRelatedListRecords(spring, 'Leads');
      expect(reverse.data.map((r) => r.entityId)).toEqual([lead.entityId]);
      expect(reverse.data[0].moduleApiName).toBe('Leads');
    });

    it('removes a relation; the empty list is a no-data result', async () => {
      const lead = await createRecord(client, 'Leads', { Last_Name: 'Leaving' });
      const autumn = await campaign('Autumn');
      await addRelation(lead, junction('Campaigns', autumn));
      const response = await removeRelation(lead, junction('Campaigns', autumn));
      expect(response.status).toBe('success');
      expect(response.message).toBe('relation removed');
      const listed = await getRelatedListRecords(lead, 'Campaigns');
      expect(listed.statusCode).toBe(204);
      expect(listed.noData).toBe(true);
      expect(listed.data).toEqual([]);
    });

    it('links and delinks in bulk with one result per input, even when every item fails', async () => {
      const contact = await createRecord(client, 'Contacts', { Last_Name: 'Bulk member' });
      const [c1, c2, c3] = [await campaign('C1'), await campaign('C2'), await campaign('C3')];
      const ghost = ZCRMJunctionRecord.getInstance('Campaigns', MISSING_ID);
      const linked = await addRelations(contact, 'Campaigns', [
        junction('Campaigns', c1, { Member_Status: 'Sent' }),
        ghost,
        junction('Campaigns', c2),
        junction('Campaigns', c3),
      ]);
      expect(linked.statusCode).toBe(202);
      expect(linked.bulkEntityResponse.map((r) => r.status)).toEqual([
        'success',
        'error',
        'success',
        'success',
      ]);
      expect(linked.bulkEntityResponse[1].code).toBe('INVALID_DATA');
      expect(linked.bulkEntityResponse[1].data).toBeUndefined();
      expect(linked.data.map((j) => j.id)).toEqual([c1.entityId, c2.entityId, c3.entityId]);
      const listed = await getRelatedListRecords(contact, 'Campaigns', {
        sortBy: 'Campaign_Name',
        sortOrder: 'desc',
      });
      expect(listed.data.map((r) => r.getFieldValue('Campaign_Name'))).toEqual(['C3', 'C2', 'C1']);
      const paged = await getRelatedListRecords(contact, 'Campaigns', {
        page: 2,
        perPage: 2,
        sortBy: 'Campaign_Name',
        sortOrder: 'asc',
      });
      expect(paged.data.map((r) => r.getFieldValue('Campaign_Name'))).toEqual(['C3']);
      expect(paged.info?.page).toBe(2);

      const delinked = await removeRelations(contact, 'Campaigns', [c1.entityId!, junction('Campaigns', c3)]);
      expect(delinked.bulkEntityResponse.map((r) => r.status)).toEqual(['success', 'success']);
      expect(delinked.data.map((j) => j.id)).toEqual([c1.entityId, c3.entityId]);
      expect((await getRelatedListRecords(contact, 'Campaigns')).data.map((r) => r.entityId)).toEqual([
        c2.entityId,
      ]);

      const allFailed = await removeRelations(contact, 'Campaigns', [MISSING_ID]);
      expect(allFailed.statusCode).toBe(400);
      expect(allFailed.bulkEntityResponse).toHaveLength(1);
      expect(allFailed.bulkEntityResponse[0].code).toBe('INVALID_DATA');
      expect(allFailed.data).toEqual([]);
    });

    it('sends relation data in wire form (Price_Books ↔ Products list_price)', async () => {
      const book = await createRecord(client, 'Price_Books', {
        Price_Book_Name: 'Retail',
        Pricing_Model: 'Flat',
      });
      const product = await createRecord(client, 'Products', { Product_Name: 'Gadget' });
      await addRelation(book, junction('Products', product, { list_price: 12.5 }));
      const listed = await getRelatedListRecords(book, 'Products');
      expect(listed.data[0].getFieldValue('list_price')).toBe(12.5);
      const error = await rejectionOf(
        addRelation(book, junction('Products', product, { list_price: 'cheap' })),
      );
      expect(error).toBeInstanceOf(ValidationException);
    });
  });

  describe('lookup lists', () => {
    it('lists and relates the records whose lookup points at the parent', async () => {
      const account = await createRecord(client, 'Accounts', { Account_Name: 'Parent Co' });
      const linked = await createRecord(client, 'Contacts', {
        Last_Name: 'Employee',
        Account_Name: { id: account.entityId },
      });
      const loose = await createRecord(client, 'Contacts', { Last_Name: 'Freelancer' });
      expect((await getRelatedListRecords(account, 'Contacts')).data.map((r) => r.entityId)).toEqual([
        linked.entityId,
      ]);

      await addRelation(account, junction('Contacts', loose));
      expect((await readRecordJson(client, 'Contacts', loose.entityId!)).Account_Name.id).toBe(
        account.entityId,
      );
      await removeRelation(account, junction('Contacts', linked));
      expect((await getRelatedListRecords(account, 'Contacts')).data.map((r) => r.entityId)).toEqual([
        loose.entityId,
      ]);
    });

    it('takes the records’ module from the options when the list name is not a module', async () => {
      const account = await createRecord(client, 'Accounts', { Account_Name: 'Named list' });
      await createRecord(client, 'Contacts', { Last_Name: 'Named', Account_Name: { id: account.entityId } });
      const listed = await getRelatedListRecords(account, 'contacts', { moduleApiName: 'Contacts' });
      expect(listed.data[0].moduleApiName).toBe('Contacts');
    });
  });

  it("throws Zoho's errors: unknown list, unknown parent, unknown related id", async () => {
    const lead = await createRecord(client, 'Leads', { Last_Name: 'Errors' });
    let error = await rejectionOf(getRelatedListRecords(lead, 'Nonsense'));
    expect(error.errorCode).toBe('INVALID_DATA');
    expect(error.errorMessage).toBe('The relation name given seems to be invalid');
    error = await rejectionOf(
      getRelatedListRecords(ZCRMRecord.getInstance('Leads', MISSING_ID, client), 'Campaigns'),
    );
    expect(error.errorCode).toBe('INVALID_DATA');
    error = await rejectionOf(addRelation(lead, ZCRMJunctionRecord.getInstance('Campaigns', MISSING_ID)));
    expect(error.errorCode).toBe('INVALID_DATA');
    expect(error.errorMessage).toBe('the related id given seems to be invalid');
  });

  describe('ZCRMModuleRelation', () => {
    it('delegates related records, relations, notes and attachments to the parent record', async () => {
      const lead = await createRecord(client, 'Leads', { Last_Name: 'Relation object' });
      const summer = await campaign('Summer');
      const relation = ZCRMModuleRelation.getInstance(
        lead,
        junction('Campaigns', summer, { Member_Status: 'Planned' }),
      );
      expect(relation.apiName).toBe('Campaigns');
      expect(relation.parentModuleApiName).toBe('Leads');
      expect((await relation.addRelation()).message).toBe('relation added');
      const list = ZCRMModuleRelation.getInstance(lead, 'Campaigns');
      expect((await list.getRecords()).data.map((r) => r.getFieldValue('Member_Status'))).toEqual([
        'Planned',
      ]);
      expect((await relation.removeRelation()).message).toBe('relation removed');
      const bulk = await list.addRelations([junction('Campaigns', summer)]);
      expect(bulk.data).toHaveLength(1);
      expect((await list.removeRelations([summer.entityId!])).data).toHaveLength(1);

      const notes = ZCRMModuleRelation.getInstance(lead, 'Notes');
      const note = ZCRMNote.getInstance(lead);
      note.content = 'via relation';
      await notes.addNote(note);
      note.content = 'edited via relation';
      await notes.updateNote(note);
      expect((await notes.getNotes()).data.map((n) => n.content)).toEqual(['edited via relation']);
      await notes.deleteNote(note);
      expect((await notes.getNotes()).noData).toBe(true);

      const attachments = ZCRMModuleRelation.getInstance(lead, 'Attachments');
      const file = (await attachments.uploadAttachment(Buffer.from('abc'), { fileName: 'abc.txt' })).data!;
      const link = (await attachments.uploadLinkAsAttachment('https://example.com/r')).data!;
      expect((await attachments.getAttachments()).data).toHaveLength(2);
      const download = await attachments.downloadAttachment(file.id!);
      expect(download.fileName).toBe('abc.txt');
      download.discard();
      await attachments.deleteAttachment(link.id!);
      expect((await attachments.getAttachments()).data.map((a) => a.id)).toEqual([file.id]);
    });

    it('needs a parent record and a junction record, before any request', async () => {
      const byModule = ZCRMModuleRelation.getInstance('Leads', 'Campaigns');
      let error = await expectClientSideRejection(emulator, () => byModule.getRecords());
      expect(error.errorMessage).toContain('built from a record');
      const lead = await createRecord(client, 'Leads', { Last_Name: 'No junction' });
      error = await expectClientSideRejection(emulator, () =>
        ZCRMModuleRelation.getInstance(lead, 'Campaigns').addRelation(),
      );
      expect(error.errorMessage).toContain('ZCRMJunctionRecord');
    });
  });

  describe('client-side checks (before any request)', () => {
    it('checks the record, the list name and the junction records', async () => {
      const lead = await createRecord(client, 'Leads', { Last_Name: 'Checked' });
      const c = await campaign('Checked');
      await expectClientSideRejection(emulator, () =>
        getRelatedListRecords(ZCRMRecord.getInstance('Leads', undefined, client), 'Campaigns'),
      );
      let error = await expectClientSideRejection(emulator, () => getRelatedListRecords(lead, ''));
      expect(error.errorMessage).toContain('relatedListApiName');
      error = await expectClientSideRejection(emulator, () =>
        getRelatedListRecords(lead, 'Campaigns', { perPage: 0 }),
      );
      expect(error.errorMessage).toContain('perPage');
      error = await expectClientSideRejection(emulator, () =>
        addRelation(lead, ZCRMJunctionRecord.getInstance('Campaigns', '')),
      );
      expect(error.errorMessage).toContain('junction.id');
      error = await expectClientSideRejection(emulator, () =>
        removeRelation(lead, ZCRMJunctionRecord.getInstance('', c.entityId!)),
      );
      expect(error.errorMessage).toContain('junction.apiName');
      error = await expectClientSideRejection(emulator, () =>
        addRelations(lead, 'Campaigns', [junction('Products', c)]),
      );
      expect(error.errorMessage).toContain('junctions[0].apiName');
      error = await expectClientSideRejection(emulator, () => addRelations(lead, 'Campaigns', []));
      expect(error.errorMessage).toContain('1 to 100');
      const many = Array.from({ length: 101 }, (_, i) => String(3652397000000000000n + BigInt(i)));
      error = await expectClientSideRejection(emulator, () => removeRelations(lead, 'Campaigns', many));
      expect(error.errorMessage).toContain('at most 100');
    });
  });
});
