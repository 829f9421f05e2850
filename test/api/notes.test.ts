import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMNote } from '../../src/api/entities/zcrm-note';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { addNote, deleteNote, getNotes, updateNote } from '../../src/api/services/record-notes-service';
import { ValidationException } from '../../src/errors/validation-exception';
import {
  createRecord,
  expectClientSideRejection,
  MISSING_ID,
  rejectionOf,
  startSdkEmulator,
  stopSdkEmulator,
} from '../support/sub-resource-fixtures';

describe('notes (record sub-resource)', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  let lead: ZCRMRecord;

  beforeAll(async () => {
    ({ emulator, client } = await startSdkEmulator());
    lead = await createRecord(client, 'Leads', { Last_Name: 'Noted' });
  });
  afterAll(() => stopSdkEmulator({ emulator, client }));

  const newNote = (content: string, title?: string) => {
    const note = ZCRMNote.getInstance(lead);
    note.content = content;
    if (title !== undefined) note.title = title;
    return note;
  };

  it('adds a note and fills in its id, times and creator', async () => {
    const note = newNote('Called, will call back', 'Call');
    const response = await addNote(lead, note);
    expect(response.statusCode).toBe(201);
    expect(response.status).toBe('success');
    expect(response.code).toBe('SUCCESS');
    expect(response.data).toBe(note);
    expect(note.id).toMatch(/^\d{19}$/);
    expect(note.createdTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(note.createdBy).toBeInstanceOf(ZCRMUser);
    expect(note.createdBy?.name).toBe('Patricia Boyle');
    expect(note.parentRecord).toBe(lead);
    // The same note the ORM's addNote returns: it names the record it hangs off.
    expect([note.parentModule, note.parentId]).toEqual([lead.moduleApiName, lead.entityId]);
  });

  it('lists the notes with their parent and owner, sorted and paged from 1', async () => {
    const record = await createRecord(client, 'Contacts', { Last_Name: 'Many notes' });
    for (const text of ['first', 'second', 'third']) {
      const note = ZCRMNote.getInstance(record);
      note.content = text;
      note.title = `T-${text}`;
      await addNote(record, note);
    }
    const page1 = await getNotes(record, { perPage: 2, sortBy: 'Created_Time', sortOrder: 'asc' });
    expect(page1.statusCode).toBe(200);
    expect(page1.data.map((n) => n.content)).toEqual(['first', 'second']);
    expect(page1.info?.page).toBe(1);
    expect(page1.info?.perPage).toBe(2);
    expect(page1.info?.moreRecords).toBe(true);
    const page2 = await getNotes(record, { page: 2, perPage: 2, sortBy: 'Created_Time', sortOrder: 'asc' });
    expect(page2.data.map((n) => n.content)).toEqual(['third']);
    expect(page2.info?.moreRecords).toBe(false);

    const note = page1.data[0];
    expect(note).toBeInstanceOf(ZCRMNote);
    expect(note.title).toBe('T-first');
    expect(note.parentRecord).toBe(record);
    expect(note.parentId).toBe(record.entityId);
    expect(note.parentModule).toBe('Contacts');
    expect(note.owner?.name).toBe('Patricia Boyle');
    expect(note.attachments).toEqual([]);
    expect(note.isVoiceNote).toBe(false);
  });

  it('answers an empty list as a no-data result, not an error', async () => {
    const bare = await createRecord(client, 'Leads', { Last_Name: 'Quiet' });
    const response = await getNotes(bare);
    expect(response.statusCode).toBe(204);
    expect(response.noData).toBe(true);
    expect(response.data).toEqual([]);
  });

  it('answers an unchanged list (If-Modified-Since) as a no-data result', async () => {
    const response = await getNotes(lead, { ifModifiedSince: '2999-01-01T00:00:00+00:00' });
    expect(response.statusCode).toBe(304);
    expect(response.noData).toBe(true);
    expect(response.notModified).toBe(true);
    expect(response.data).toEqual([]);
  });

  it('updates a note', async () => {
    const note = newNote('draft');
    await addNote(lead, note);
    note.content = 'final';
    const response = await updateNote(lead, note);
    expect(response.status).toBe('success');
    expect(response.message).toBe('record updated');
    const listed = (await getNotes(lead)).data.find((n) => n.id === note.id);
    expect(listed?.content).toBe('final');
  });

  it('deletes a note', async () => {
    const note = newNote('short-lived');
    await addNote(lead, note);
    const response = await deleteNote(lead, note);
    expect(response.status).toBe('success');
    expect(response.message).toBe('record deleted');
    const listed = await getNotes(lead);
    expect(listed.data.some((n) => n.id === note.id)).toBe(false);
  });

  it("throws Zoho's error for a note of another record", async () => {
    const other = await createRecord(client, 'Leads', { Last_Name: 'Other' });
    const note = newNote('not yours');
    await addNote(other, note);
    note.content = 'hijack';
    const error = await rejectionOf(updateNote(lead, note));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.errorCode).toBe('INVALID_DATA');
    expect(error.statusCode).toBe(400);
  });

  it("throws Zoho's error when the parent record does not exist", async () => {
    const ghost = ZCRMRecord.getInstance('Leads', MISSING_ID, client);
    const error = await rejectionOf(getNotes(ghost));
    expect(error.errorCode).toBe('INVALID_DATA');
    expect(error.statusCode).toBe(400);
  });

  describe('client-side checks (before any request)', () => {
    it('needs the record id', async () => {
      const unsaved = ZCRMRecord.getInstance('Leads', undefined, client);
      const error = await expectClientSideRejection(emulator, () => addNote(unsaved, newNote('x')));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.errorMessage).toContain('needs the record id');
      await expectClientSideRejection(emulator, () => getNotes(unsaved));
    });

    it('needs note content to add, and no id', async () => {
      const empty = ZCRMNote.getInstance(lead);
      const error = await expectClientSideRejection(emulator, () => addNote(lead, empty));
      expect(error.errorMessage).toContain('note.content');
      const existing = newNote('x');
      existing.id = '3652397000000000001';
      await expectClientSideRejection(emulator, () => addNote(lead, existing));
    });

    it('needs the note id to update or delete', async () => {
      let error = await expectClientSideRejection(emulator, () => updateNote(lead, newNote('x')));
      expect(error.errorMessage).toContain('note.id');
      error = await expectClientSideRejection(emulator, () => deleteNote(lead, newNote('x')));
      expect(error.errorMessage).toContain('note.id');
    });

    it('checks paging', async () => {
      let error = await expectClientSideRejection(emulator, () => getNotes(lead, { page: 0 }));
      expect(error.errorMessage).toContain('pages start at 1');
      error = await expectClientSideRejection(emulator, () => getNotes(lead, { perPage: 201 }));
      expect(error.errorMessage).toContain('perPage');
    });
  });
});
