import type { RunningEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMNote } from '../../src/api/entities/zcrm-note';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { ValidationException } from '../../src/errors/validation-exception';
import { ModelMetadataException } from '../../src/metadata';
import { addNote, notes, removeNote } from '../../src/orm/extras';
import { requestLog } from '../support/sdk';
import { ALL_SCOPES } from '../support/emulator';
import { captureRequests } from '../support/request-capture';
import {
  expectClientSideRejection,
  Lead,
  MISSING_ID,
  NotAModel,
  rejectionOf,
  saved,
  startExtrasEmulator,
  stopSdkEmulator,
} from './extras-support';

describe('record extras: notes', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;

  beforeAll(async () => {
    ({ emulator, client } = await startExtrasEmulator());
  });
  afterAll(() => stopSdkEmulator({ emulator, client }));

  const lead = (name = 'Noted') => saved(client, Lead, 'Leads', { Last_Name: name });

  it('adds a note that then shows in notes(), with its id, times, owner and parent', async () => {
    const record = await lead();
    const note = await addNote(record, { title: 'Sent', content: 'Mailed to finance' }, { client });
    expect(note).toBeInstanceOf(ZCRMNote);
    expect(note.id).toMatch(/^\d+$/);
    expect(note.title).toBe('Sent');
    expect(note.content).toBe('Mailed to finance');
    expect(note.createdTime).toEqual(expect.any(String));
    expect(note.createdBy).toBeInstanceOf(ZCRMUser);
    expect(note.parentRecord).toBeInstanceOf(ZCRMRecord);
    expect(note.parentRecord!.moduleApiName).toBe('Leads');
    expect(note.parentRecord!.entityId).toBe(record.id);
    expect(note.parentModule).toBe('Leads');
    expect(note.parentId).toBe(record.id);

    const listed = await notes(record, { client });
    expect(listed).toHaveLength(1);
    const [read] = listed;
    expect(read).toBeInstanceOf(ZCRMNote);
    expect(read.id).toBe(note.id);
    expect(read.title).toBe('Sent');
    expect(read.content).toBe('Mailed to finance');
    expect(read.owner?.id).toEqual(expect.any(String));
    expect(read.parentRecord!.entityId).toBe(record.id);
    expect(read.parentId).toBe(record.id);
    expect(read.attachments).toEqual([]);
  });

  it('sends exactly the note given: no title when none is given', async () => {
    const record = await lead();
    const sent = captureRequests(client);
    await addNote(record, { content: 'Untitled' }, { client });
    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', `/crm/v2/Leads/${record.id}/Notes`, { data: [{ Note_Content: 'Untitled' }] }],
    ]);
    const [read] = await notes(record, { client });
    expect(read.content).toBe('Untitled');
    expect(read.title ?? null).toBeNull();
  });

  it('returns [] for a record without notes', async () => {
    expect(await notes(await lead('Silent'), { client })).toEqual([]);
  });

  it('reads every page by default, one page when asked', async () => {
    const record = await lead('Talkative');
    for (const content of ['one', 'two', 'three']) await addNote(record, { content }, { client });
    const path = `/crm/v2/Leads/${record.id}/Notes`;
    const before = (await requestLog(emulator, path)).filter((r) => r.method === 'GET').length;

    const all = await notes(record, { client, perPage: 2, sortBy: 'Created_Time', sortOrder: 'asc' });
    expect(all.map((n) => n.content)).toEqual(['one', 'two', 'three']);
    const gets = (await requestLog(emulator, path)).filter((r) => r.method === 'GET');
    expect(gets.length - before).toBe(2);

    const second = await notes(record, {
      client,
      page: 2,
      perPage: 2,
      sortBy: 'Created_Time',
      sortOrder: 'asc',
    });
    expect(second.map((n) => n.content)).toEqual(['three']);
    const descending = await notes(record, { client, sortBy: 'id', sortOrder: 'desc' });
    expect(descending.map((n) => n.content)).toEqual(['three', 'two', 'one']);
  });

  it('removes a note given as a note or as its id', async () => {
    const record = await lead('Pruned');
    const first = await addNote(record, { content: 'first' }, { client });
    const second = await addNote(record, { content: 'second' }, { client });
    await removeNote(record, first, { client });
    expect((await notes(record, { client })).map((n) => n.id)).toEqual([second.id]);
    await removeNote(record, second.id!, { client });
    expect(await notes(record, { client })).toEqual([]);
  });

  it("lets the returned note manage its own attachments (its parent is the record's module and id)", async () => {
    const record = await lead('Annotated');
    const note = await addNote(record, { content: 'with a file' }, { client });
    const uploaded = await note.uploadAttachment(Buffer.from('note file'), { fileName: 'n.txt' });
    expect(uploaded.status).toBe('success');
    const [read] = await notes(record, { client });
    expect(read.attachments?.map((a) => a.fileName)).toEqual(['n.txt']);
  });

  it('goes through the client of the repository the record was read with', async () => {
    const record = await lead('Bound');
    const sent = captureRequests(client);
    await addNote(record, { content: 'bound' });
    expect((await notes(record)).map((n) => n.content)).toEqual(['bound']);
    expect(sent.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('uses the process-wide client for a record no repository read', async () => {
    const { id } = await lead('Default client');
    const record = Object.assign(new Lead(), { id });
    const error = await rejectionOf(notes(record));
    expect(error.errorCode).toBe('NOT_INITIALIZED');
    const config = client.config;
    const global = ZCRMRestClient.initialize({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      apiBaseUrl: config.apiBaseUrl,
      accountsUrl: config.accountsUrl,
      currentUserEmail: config.currentUserEmail,
      tokenStore: 'memory',
    });
    try {
      const code = await emulator.issueGrantToken({ scope: ALL_SCOPES, email: config.currentUserEmail! });
      await global.oauthClient.generateAccessToken(code);
      const viaGlobal = captureRequests(global);
      const viaClient = captureRequests(client);
      await addNote(record, { content: 'via the default client' });
      expect((await notes(record)).map((n) => n.content)).toEqual(['via the default client']);
      expect(viaGlobal).toHaveLength(2);
      expect(viaClient).toHaveLength(0);
    } finally {
      await global.close();
    }
  });

  describe('errors', () => {
    it('refuses a record without an id before any request, naming the model and the call', async () => {
      const unsaved = new Lead();
      let error = await expectClientSideRejection(emulator, () =>
        addNote(unsaved, { content: 'x' }, { client }),
      );
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.errorMessage).toBe(
        'Lead.id: Lead.addNote() needs a saved record: this Leads record has no id yet (save it first, or load it)',
      );
      error = await expectClientSideRejection(emulator, () => notes(unsaved, { client }));
      expect(error.errorMessage).toContain('Lead.notes() needs a saved record');
      error = await expectClientSideRejection(emulator, () => removeNote(unsaved, '1', { client }));
      expect(error.errorMessage).toContain('Lead.removeNote() needs a saved record');
      const blank = Object.assign(new Lead(), { id: ' ' });
      error = await expectClientSideRejection(emulator, () => notes(blank, { client }));
      expect(error.errorCode).toBe('INVALID_INPUT');
    });

    it('refuses a record that is not a model, and no record at all', async () => {
      let error = await expectClientSideRejection(emulator, () =>
        addNote(new NotAModel(), { content: 'x' }, { client }),
      );
      expect(error).toBeInstanceOf(ModelMetadataException);
      expect(error.errorMessage).toContain('NotAModel is not a CRM model');
      error = await expectClientSideRejection(emulator, () =>
        addNote(null as unknown as Lead, { content: 'x' }, { client }),
      );
      expect(error.errorMessage).toBe('record: addNote() needs a record, got null');
    });

    it('checks the note before any request', async () => {
      const record = await lead('Checked');
      let error = await expectClientSideRejection(emulator, () =>
        addNote(record, { content: '  ' }, { client }),
      );
      expect(error.errorMessage).toBe(
        'note.content: Lead.addNote(): the content (Note_Content) is required and must be a non-empty string',
      );
      error = await expectClientSideRejection(emulator, () =>
        addNote(record, { title: 'only a title' } as never, { client }),
      );
      expect(error.errorDetails).toEqual({ field: 'note.content' });
      error = await expectClientSideRejection(emulator, () =>
        addNote(record, { title: 7, content: 'x' } as never, { client }),
      );
      expect(error.errorMessage).toBe(
        'note.title: Lead.addNote(): the title (Note_Title) must be a string, got number 7',
      );
      error = await expectClientSideRejection(emulator, () => addNote(record, 'text' as never, { client }));
      expect(error.errorMessage).toBe('note: Lead.addNote() needs {title?, content}, got "text"');
      error = await expectClientSideRejection(emulator, () => removeNote(record, new ZCRMNote(), { client }));
      expect(error.errorMessage).toBe(
        'note: Lead.removeNote() needs saved records: this ZCRMNote has no id yet',
      );
    });

    it('checks paging before any request', async () => {
      const record = await lead('Paged');
      let error = await expectClientSideRejection(emulator, () => notes(record, { client, page: 0 }));
      expect(error.errorMessage).toBe('page: Lead.notes(): pages start at 1, got 0');
      error = await expectClientSideRejection(emulator, () => notes(record, { client, perPage: 201 }));
      expect(error.errorMessage).toBe('perPage: Lead.notes(): must be 1 to 200, got 201');
    });

    it("passes on Zoho's errors for a record that does not exist", async () => {
      const ghost = Object.assign(new Lead(), { id: MISSING_ID });
      const error = await rejectionOf(addNote(ghost, { content: 'x' }, { client }));
      expect(error).toBeInstanceOf(ValidationException);
      expect([error.statusCode, error.errorCode, error.errorMessage]).toEqual([
        400,
        'INVALID_DATA',
        'the id given seems to be invalid',
      ]);
      expect(await rejectionOf(notes(ghost, { client }))).toMatchObject({
        statusCode: 400,
        errorCode: 'INVALID_DATA',
      });
      const missing = await rejectionOf(removeNote(await lead('No such note'), MISSING_ID, { client }));
      expect([missing.statusCode, missing.errorCode, missing.errorMessage]).toEqual([
        400,
        'INVALID_DATA',
        'record not deleted',
      ]);
    });
  });
});
