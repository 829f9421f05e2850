import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';
import { ANY_ID, ANY_TIME, AUDIT_DETAILS, bytesOf, fileForm, recordId } from './sub-resource-helpers';

const USER = { name: 'Patricia Boyle', id: ANY_ID, email: 'patricia.boyle@zylker.com' };

describe('notes', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  let leadId: string;
  let otherLeadId: string;
  let dealId: string;

  beforeAll(async () => {
    ({ emulator, client } = await startTestEmulator({
      demoData: false,
      seed: {
        records: {
          Leads: [{ Last_Name: 'Noted' }, { Last_Name: 'Quiet' }],
          Deals: [{ Deal_Name: 'Deal A', Stage: 'Qualification' }],
        },
      },
    }));
    leadId = await recordId(client, 'Leads', 'Last_Name', 'Noted');
    otherLeadId = await recordId(client, 'Leads', 'Last_Name', 'Quiet');
    dealId = await recordId(client, 'Deals', 'Deal_Name', 'Deal A');
  });
  afterAll(() => emulator.stop());

  const getNote = async (id: string) => (await client.get(`/crm/v2/Notes/${id}`)).json?.data?.[0];
  const allNoteIds = async (): Promise<string[]> =>
    ((await client.get('/crm/v2/Notes')).json?.data ?? []).map((n: { id: string }) => n.id);
  const addNote = async (body: Record<string, unknown>) =>
    (await client.post('/crm/v2/Notes', { data: [body] })).json.data[0].details.id as string;

  describe('creating', () => {
    it('creates a note with Parent_Id as an id and `se_module` (201)', async () => {
      const res = await client.post('/crm/v2/Notes', {
        data: [
          {
            Note_Title: 'Contacted',
            Note_Content: 'Need few more details',
            Parent_Id: leadId,
            se_module: 'Leads',
          },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.json).toEqual({
        data: [{ code: 'SUCCESS', details: AUDIT_DETAILS, message: 'record added', status: 'success' }],
      });
    });

    it('creates a note with Parent_Id as `{id}` and `$se_module`, and renders every note key', async () => {
      const id = await addNote({
        Note_Title: 'Call',
        Note_Content: 'Call back on Monday',
        Parent_Id: { id: dealId },
        $se_module: 'Deals',
      });
      expect(await getNote(id)).toEqual(
        expect.objectContaining({
          id,
          Note_Title: 'Call',
          Note_Content: 'Call back on Monday',
          Parent_Id: { name: 'Deal A', id: dealId },
          $se_module: 'Deals',
          Owner: USER,
          Created_By: USER,
          Modified_By: USER,
          Created_Time: ANY_TIME,
          Modified_Time: ANY_TIME,
          $attachments: null,
          $voice_note: false,
          $editable: true,
          $is_shared_to_client: false,
          $size: null,
          $state: 'save',
        }),
      );
    });

    it('creates notes under a record, the URL naming the parent', async () => {
      const res = await client.post(`/crm/v2/Leads/${otherLeadId}/Notes`, {
        data: [
          { Note_Title: 'First', Note_Content: 'one' },
          { Note_Content: 'two', Parent_Id: dealId, se_module: 'Deals' },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.json.data.map((r: { message: string }) => r.message)).toEqual([
        'record added',
        'record added',
      ]);
      const second = await getNote(res.json.data[1].details.id);
      expect(second.Parent_Id).toEqual({ name: 'Quiet', id: otherLeadId });
      expect(second.$se_module).toBe('Leads');
    });

    it('answers per item, storing only the valid notes (202 when mixed)', async () => {
      const before = await allNoteIds();
      const res = await client.post('/crm/v2/Notes', {
        data: [
          { Note_Title: 'No content', Parent_Id: leadId, se_module: 'Leads' },
          { Note_Content: 'no module', Parent_Id: leadId },
          { Note_Content: 'bad parent', Parent_Id: '3652397000999999999', se_module: 'Leads' },
          { Note_Content: 'note on a note', Parent_Id: before[0], se_module: 'Notes' },
          { Note_Content: 'fine', Parent_Id: leadId, se_module: 'Leads' },
        ],
      });
      expect(res.status).toBe(202);
      expect(res.json.data.slice(0, 4)).toEqual([
        {
          code: 'MANDATORY_NOT_FOUND',
          details: { api_name: 'Note_Content' },
          message: 'required field not found',
          status: 'error',
        },
        {
          code: 'MANDATORY_NOT_FOUND',
          details: { api_name: '$se_module' },
          message: 'required field not found',
          status: 'error',
        },
        {
          code: 'INVALID_DATA',
          details: { api_name: 'Parent_Id', expected_data_type: 'lookup' },
          message: 'invalid data',
          status: 'error',
        },
        {
          code: 'INVALID_DATA',
          details: { api_name: '$se_module' },
          message: 'invalid data',
          status: 'error',
        },
      ]);
      expect(res.json.data[4].status).toBe('success');
      expect(await allNoteIds()).toHaveLength(before.length + 1);
    });

    it('refuses notes under an unknown record or a module without notes', async () => {
      const unknown = await client.post('/crm/v2/Leads/3652397000999999999/Notes', {
        data: [{ Note_Content: 'x' }],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual({
        code: 'INVALID_DATA',
        details: { id: '3652397000999999999' },
        message: 'the id given seems to be invalid',
        status: 'error',
      });
      const noNotes = await client.post(`/crm/v2/Attachments/${leadId}/Notes`, {
        data: [{ Note_Content: 'x' }],
      });
      expect(noNotes.json).toEqual({
        code: 'INVALID_DATA',
        details: {},
        message: 'The relation name given seems to be invalid',
        status: 'error',
      });
      const noBody = await client.post(`/crm/v2/Leads/${leadId}/Notes`);
      expect(noBody.json.code).toBe('INVALID_DATA');
      const noItems = await client.post(`/crm/v2/Leads/${leadId}/Notes`, { data: [] });
      expect(noItems.json).toEqual({
        code: 'MANDATORY_NOT_FOUND',
        details: { api_name: 'data' },
        message: 'required field not found',
        status: 'error',
      });
    });
  });

  describe('reading', () => {
    it('lists a record’s notes with sort_by, sort_order and paging', async () => {
      const asc = await client.get(
        `/crm/v2/Leads/${otherLeadId}/Notes?sort_by=Note_Content&sort_order=asc&page=1&per_page=1`,
      );
      expect(asc.status).toBe(200);
      expect(asc.json.info).toEqual({ per_page: 1, count: 1, page: 1, more_records: true });
      expect(asc.json.data[0].Note_Content).toBe('one');
      const desc = await client.get(
        `/crm/v2/Leads/${otherLeadId}/Notes?sort_by=Note_Content&sort_order=desc`,
      );
      expect(desc.json.data.map((n: { Note_Content: string }) => n.Note_Content)).toEqual(['two', 'one']);
      expect(desc.json.data.every((n: { $se_module: string }) => n.$se_module === 'Leads')).toBe(true);
    });

    it('answers 204 past the last page', async () => {
      expect((await client.get(`/crm/v2/Deals/${dealId}/Notes`)).status).toBe(200);
      const empty = await client.get(`/crm/v2/Deals/${dealId}/Notes?page=9`);
      expect(empty.status).toBe(204);
      expect(empty.text).toBe('');
    });

    it('lists every note, honouring If-Modified-Since', async () => {
      const all = await client.get('/crm/v2/Notes?per_page=2');
      expect(all.status).toBe(200);
      expect(all.json.info).toEqual(
        expect.objectContaining({ per_page: 2, count: 2, page: 1, more_records: true }),
      );
      const future = await client.get('/crm/v2/Notes', { 'If-Modified-Since': '2999-01-01T00:00:00+05:30' });
      expect(future.status).toBe(304);
      const past = await client.get('/crm/v2/Notes', { 'If-Modified-Since': '2000-01-01T00:00:00+05:30' });
      expect(past.status).toBe(200);
    });

    it('narrows a note to `fields`', async () => {
      const [id] = await allNoteIds();
      const res = await client.get(`/crm/v2/Notes/${id}?fields=Note_Title`);
      const plain = Object.keys(res.json.data[0]).filter((k) => !k.startsWith('$'));
      expect(plain.sort()).toEqual(['Note_Title', 'id']);
    });

    it('answers 204 for an unknown note and INVALID_DATA for a malformed id', async () => {
      expect((await client.get('/crm/v2/Notes/3652397000999999999')).status).toBe(204);
      const bad = await client.get('/crm/v2/Notes/abc');
      expect(bad.json).toEqual({
        code: 'INVALID_DATA',
        details: {},
        message: 'the id given seems to be invalid',
        status: 'error',
      });
    });

    it('needs the notes scope', async () => {
      const tokens = await obtainTokens(emulator, 'ZohoCRM.modules.leads.ALL');
      const res = await client.request('GET', `/crm/v2/Leads/${leadId}/Notes`, {
        token: tokens.access_token,
      });
      expect(res.status).toBe(401);
      expect(res.json.code).toBe('OAUTH_SCOPE_MISMATCH');
    });
  });

  describe('updating', () => {
    let a: string;
    let b: string;

    beforeAll(async () => {
      a = await addNote({ Note_Title: 'A', Note_Content: 'alpha', Parent_Id: leadId, se_module: 'Leads' });
      b = await addNote({ Note_Title: 'B', Note_Content: 'beta', Parent_Id: leadId, se_module: 'Leads' });
    });

    it('updates in bulk with per-item results', async () => {
      const res = await client.put('/crm/v2/Notes', {
        data: [
          { id: a, Note_Content: 'alpha 2' },
          { Note_Content: 'no id' },
          { id: '3652397000999999999', Note_Content: 'x' },
        ],
      });
      expect(res.status).toBe(202);
      expect(res.json.data).toEqual([
        { code: 'SUCCESS', details: AUDIT_DETAILS, message: 'record updated', status: 'success' },
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
      expect((await getNote(a)).Note_Content).toBe('alpha 2');
    });

    it('updates one note by id, keeping its parent', async () => {
      const res = await client.put(`/crm/v2/Notes/${b}`, {
        data: [{ Note_Title: 'B2', Parent_Id: dealId, se_module: 'Deals' }],
      });
      expect(res.status).toBe(200);
      expect(res.json.data[0].message).toBe('record updated');
      const note = await getNote(b);
      expect(note.Note_Title).toBe('B2');
      expect(note.Parent_Id).toEqual({ name: 'Noted', id: leadId });
    });

    it('updates a note through its parent record', async () => {
      const res = await client.put(`/crm/v2/Leads/${leadId}/Notes/${a}`, { data: [{ Note_Title: 'A3' }] });
      expect(res.status).toBe(200);
      expect((await getNote(a)).Note_Title).toBe('A3');
    });

    it('refuses a note of another record or an invalid value, leaving it unchanged', async () => {
      const before = await getNote(a);
      const wrongParent = await client.put(`/crm/v2/Leads/${otherLeadId}/Notes/${a}`, {
        data: [{ Note_Title: 'hijack' }],
      });
      expect(wrongParent.status).toBe(400);
      expect(wrongParent.json).toEqual({
        data: [
          {
            code: 'INVALID_DATA',
            details: { id: a },
            message: 'the id given seems to be invalid',
            status: 'error',
          },
        ],
      });
      const tooLong = await client.put(`/crm/v2/Notes/${a}`, { data: [{ Note_Title: 'x'.repeat(121) }] });
      expect(tooLong.status).toBe(400);
      expect(tooLong.json.data[0]).toEqual({
        code: 'INVALID_DATA',
        details: { api_name: 'Note_Title', maximum_length: 120 },
        message: 'invalid data',
        status: 'error',
      });
      expect(await getNote(a)).toEqual(before);
    });
  });

  describe('attachments of a note', () => {
    let noteId: string;
    let attachmentId: string;
    const bytes = Buffer.from('minutes of the meeting');

    beforeAll(async () => {
      noteId = await addNote({ Note_Content: 'with a file', Parent_Id: leadId, se_module: 'Leads' });
    });

    it('uploads, lists and downloads a note attachment', async () => {
      const res = await client.request('POST', `/crm/v2/Notes/${noteId}/Attachments`, {
        form: fileForm('minutes.txt', bytes, 'text/plain'),
      });
      expect(res.status).toBe(200);
      expect(res.json.data[0].message).toBe('attachment uploaded successfully');
      attachmentId = res.json.data[0].details.id;
      const list = await client.get(`/crm/v2/Notes/${noteId}/Attachments?page=1&per_page=20`);
      expect(list.json.data).toEqual([
        expect.objectContaining({
          id: attachmentId,
          File_Name: 'minutes.txt',
          $se_module: 'Notes',
          Parent_Id: { name: null, id: noteId },
        }),
      ]);
      const download = await client.get(`/crm/v2/Notes/${noteId}/Attachments/${attachmentId}`);
      expect(bytesOf(download).equals(bytes)).toBe(true);
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="minutes.txt"; filename*=UTF-8''minutes.txt`,
      );
    });

    it('shows the attachment in the note’s $attachments', async () => {
      expect((await getNote(noteId)).$attachments).toEqual([
        expect.objectContaining({ id: attachmentId, File_Name: 'minutes.txt' }),
      ]);
    });

    it('deletes a note attachment', async () => {
      const res = await client.delete(`/crm/v2/Notes/${noteId}/Attachments/${attachmentId}`);
      expect(res.json).toEqual({
        data: [
          { code: 'SUCCESS', details: { id: attachmentId }, message: 'record deleted', status: 'success' },
        ],
      });
      expect((await getNote(noteId)).$attachments).toBeNull();
    });
  });

  describe('deleting', () => {
    it('deletes through the parent record only when the note is that record’s', async () => {
      const id = await addNote({ Note_Content: 'to delete', Parent_Id: leadId, se_module: 'Leads' });
      const wrong = await client.delete(`/crm/v2/Leads/${otherLeadId}/Notes/${id}`);
      expect(wrong.status).toBe(400);
      expect(wrong.json).toEqual({
        data: [{ code: 'INVALID_DATA', details: { id }, message: 'record not deleted', status: 'error' }],
      });
      expect(await getNote(id)).toBeDefined();
      const res = await client.delete(`/crm/v2/Leads/${leadId}/Notes/${id}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        data: [{ code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' }],
      });
      expect(await getNote(id)).toBeUndefined();
    });

    it('deletes one note by id, with its attachments', async () => {
      const id = await addNote({ Note_Content: 'bye', Parent_Id: leadId, se_module: 'Leads' });
      const upload = await client.request('POST', `/crm/v2/Notes/${id}/Attachments`, {
        form: fileForm('x.txt', Buffer.from('x'), 'text/plain'),
      });
      const attachmentId = upload.json.data[0].details.id;
      const attachmentIds = async () =>
        ((await client.get('/crm/v2/Attachments')).json?.data ?? []).map((r: { id: string }) => r.id);
      expect(await attachmentIds()).toContain(attachmentId);
      const res = await client.delete(`/crm/v2/Notes/${id}`);
      expect(res.json.data[0]).toEqual({
        code: 'SUCCESS',
        details: { id },
        message: 'record deleted',
        status: 'success',
      });
      expect(await attachmentIds()).not.toContain(attachmentId);
      const attachments = await client.get(`/crm/v2/Notes/${id}/Attachments`);
      expect(attachments.json).toEqual({
        code: 'INVALID_DATA',
        details: { id },
        message: 'the id given seems to be invalid',
        status: 'error',
      });
    });

    it('deletes by `ids` with per-item results; /Notes/deleted still reaches the recycle bin', async () => {
      const id = await addNote({ Note_Content: 'bulk', Parent_Id: leadId, se_module: 'Leads' });
      const res = await client.delete(`/crm/v2/Notes?ids=${id},3652397000999999999`);
      expect(res.status).toBe(202);
      expect(res.json.data).toEqual([
        { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' },
        {
          code: 'INVALID_DATA',
          details: { id: '3652397000999999999' },
          message: 'record not deleted',
          status: 'error',
        },
      ]);
      const deleted = await client.get('/crm/v2/Notes/deleted');
      expect(deleted.status).toBe(200);
      expect(deleted.text).toContain(id);
      const missing = await client.delete('/crm/v2/Notes');
      expect(missing.json).toEqual({
        code: 'REQUIRED_PARAM_MISSING',
        details: { param: 'ids' },
        message: 'One of the expected parameter is missing',
        status: 'error',
      });
    });
  });
});
