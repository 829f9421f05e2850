import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';
import {
  ANY_ID,
  ANY_TIME,
  AUDIT_DETAILS,
  bytesOf,
  fileForm,
  getRecord,
  recordId,
} from './sub-resource-helpers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('attachments and photos', () => {
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
          Leads: [{ Last_Name: 'Attach' }, { Last_Name: 'Other' }],
          Deals: [{ Deal_Name: 'Big', Stage: 'Qualification' }],
        },
      },
    }));
    leadId = await recordId(client, 'Leads', 'Last_Name', 'Attach');
    otherLeadId = await recordId(client, 'Leads', 'Last_Name', 'Other');
    dealId = await recordId(client, 'Deals', 'Deal_Name', 'Big');
  });
  afterAll(() => emulator.stop());

  const upload = (path: string, form: FormData) => client.request('POST', `/crm/v2/${path}`, { form });
  const list = async (id = leadId) => (await client.get(`/crm/v2/Leads/${id}/Attachments`)).json?.data ?? [];

  describe('file attachments', () => {
    let attachmentId: string;
    const bytes = Buffer.from([0, 1, 2, 250, 255, 10, 13, 34]);

    it('uploads the multipart `file` part', async () => {
      const res = await upload(
        `Leads/${leadId}/Attachments`,
        fileForm('report.pdf', bytes, 'application/pdf'),
      );
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        data: [
          {
            code: 'SUCCESS',
            details: AUDIT_DETAILS,
            message: 'attachment uploaded successfully',
            status: 'success',
          },
        ],
      });
      attachmentId = res.json.data[0].details.id;
    });

    it('lists the attachment with Zoho keys', async () => {
      const res = await client.get(`/crm/v2/Leads/${leadId}/Attachments?page=1&per_page=20`);
      expect(res.status).toBe(200);
      expect(res.json.info).toEqual({ per_page: 20, count: 1, page: 1, more_records: false });
      expect(res.json.data).toEqual([
        expect.objectContaining({
          id: attachmentId,
          Owner: { name: 'Patricia Boyle', id: ANY_ID, email: 'patricia.boyle@zylker.com' },
          Created_By: { name: 'Patricia Boyle', id: ANY_ID, email: 'patricia.boyle@zylker.com' },
          Modified_By: { name: 'Patricia Boyle', id: ANY_ID, email: 'patricia.boyle@zylker.com' },
          Created_Time: ANY_TIME,
          Modified_Time: ANY_TIME,
          File_Name: 'report.pdf',
          Size: String(bytes.length),
          Parent_Id: { name: 'Attach', id: leadId },
          $se_module: 'Leads',
          $type: 'Attachment',
          $file_id: ANY_ID,
          $link_url: null,
          $editable: true,
          $state: 'save',
        }),
      ]);
    });

    it('narrows the listed fields with `fields`, keeping id and $ keys', async () => {
      const res = await client.get(`/crm/v2/Leads/${leadId}/Attachments?fields=File_Name`);
      const keys = Object.keys(res.json.data[0]);
      expect(keys.filter((k) => !k.startsWith('$')).sort()).toEqual(['File_Name', 'id']);
      expect(keys).toEqual(expect.arrayContaining(['$file_id', '$link_url', '$se_module', '$type']));
    });

    it('downloads the bytes byte for byte with both Content-Disposition forms', async () => {
      const res = await client.get(`/crm/v2/Leads/${leadId}/Attachments/${attachmentId}`);
      expect(res.status).toBe(200);
      expect(bytesOf(res).equals(bytes)).toBe(true);
      expect(res.headers.get('content-type')).toBe('application/x-download');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
      );
    });

    it.each([
      ['notes.txt', 'text/plain', 'plain words'],
      ['data.json', 'application/json', '{"data":[{"not":"an API answer"}]}'],
    ])('downloads %s as application/x-download, not as its stored %s', async (name, type, text) => {
      const created = await upload(`Leads/${leadId}/Attachments`, fileForm(name, Buffer.from(text), type));
      const id = created.json.data[0].details.id;
      const res = await client.get(`/crm/v2/Leads/${leadId}/Attachments/${id}`);
      expect([res.status, res.text]).toEqual([200, text]);
      expect(res.headers.get('content-type')).toBe('application/x-download');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="${name}"; filename*=UTF-8''${name}`,
      );
      await client.delete(`/crm/v2/Leads/${leadId}/Attachments/${id}`);
    });

    it('encodes non-ASCII names in Content-Disposition', async () => {
      const created = await upload(`Leads/${leadId}/Attachments`, fileForm('résumé (1).png', PNG));
      const id = created.json.data[0].details.id;
      const res = await client.get(`/crm/v2/Leads/${leadId}/Attachments/${id}`);
      expect(bytesOf(res).equals(PNG)).toBe(true);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="r_sum_ (1).png"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%281%29.png`,
      );
      await client.delete(`/crm/v2/Leads/${leadId}/Attachments/${id}`);
    });

    it('does not serve one record’s attachment under another record', async () => {
      const res = await client.get(`/crm/v2/Leads/${otherLeadId}/Attachments/${attachmentId}`);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'INVALID_DATA',
        details: { id: attachmentId },
        message: 'the id given seems to be invalid',
        status: 'error',
      });
    });

    it('answers 204 for a record without attachments', async () => {
      const res = await client.get(`/crm/v2/Leads/${otherLeadId}/Attachments`);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
    });

    it('deletes one attachment, then reports it as not deleted', async () => {
      const extra = await upload(
        `Leads/${leadId}/Attachments`,
        fileForm('a.txt', Buffer.from('hello'), 'text/plain'),
      );
      const id = extra.json.data[0].details.id;
      const res = await client.delete(`/crm/v2/Leads/${leadId}/Attachments/${id}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        data: [{ code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' }],
      });
      const again = await client.delete(`/crm/v2/Leads/${leadId}/Attachments/${id}`);
      expect(again.status).toBe(400);
      expect(again.json).toEqual({
        data: [{ code: 'INVALID_DATA', details: { id }, message: 'record not deleted', status: 'error' }],
      });
      const download = await client.get(`/crm/v2/Leads/${leadId}/Attachments/${id}`);
      expect(download.json.code).toBe('INVALID_DATA');
    });

    it('deletes by `ids` with per-item results (202 when mixed)', async () => {
      const extra = await upload(
        `Leads/${leadId}/Attachments`,
        fileForm('b.txt', Buffer.from('bye'), 'text/plain'),
      );
      const id = extra.json.data[0].details.id;
      const res = await client.delete(`/crm/v2/Leads/${leadId}/Attachments?ids=${id},123`);
      expect(res.status).toBe(202);
      expect(res.json).toEqual({
        data: [
          { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' },
          { code: 'INVALID_DATA', details: { id: '123' }, message: 'record not deleted', status: 'error' },
        ],
      });
      expect((await list()).map((a: { id: string }) => a.id)).toEqual([attachmentId]);
    });

    it('requires `ids` for a bulk delete', async () => {
      const res = await client.delete(`/crm/v2/Leads/${leadId}/Attachments`);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'REQUIRED_PARAM_MISSING',
        details: { param: 'ids' },
        message: 'One of the expected parameter is missing',
        status: 'error',
      });
    });
  });

  describe('link attachments', () => {
    const url = 'https://example.com/spec.pdf';
    let linkId: string;

    it('links a URL given as `attachmentUrl` with no body', async () => {
      const res = await client.request(
        'POST',
        `/crm/v2/Leads/${otherLeadId}/Attachments?attachmentUrl=${encodeURIComponent(url)}`,
      );
      expect(res.status).toBe(200);
      expect(res.json.data[0]).toEqual({
        code: 'SUCCESS',
        details: AUDIT_DETAILS,
        message: 'attachment uploaded successfully',
        status: 'success',
      });
      linkId = res.json.data[0].details.id;
      const [listed] = await list(otherLeadId);
      expect(listed).toEqual(
        expect.objectContaining({
          id: linkId,
          File_Name: url,
          $type: 'Link URL',
          $link_url: url,
          $file_id: null,
        }),
      );
    });

    it('refuses the same link twice and keeps one', async () => {
      const res = await client.request(
        'POST',
        `/crm/v2/Leads/${otherLeadId}/Attachments?attachmentUrl=${encodeURIComponent(url)}`,
      );
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'DUPLICATE_DATA',
        details: {},
        message: 'Attachment link already exists',
        status: 'error',
      });
      expect(await list(otherLeadId)).toHaveLength(1);
    });

    it('links a URL sent as the Python SDK does: a multipart field beside an empty file part', async () => {
      const form = new FormData();
      form.append('attachmentUrl', 'https://example.com/other');
      form.append('file', new Blob([]), '');
      const res = await upload(`Leads/${otherLeadId}/Attachments`, form);
      expect(res.status).toBe(200);
      expect((await list(otherLeadId)).map((a: { $link_url: string }) => a.$link_url)).toEqual([
        url,
        'https://example.com/other',
      ]);
    });

    it('will not download a link attachment', async () => {
      const res = await client.get(`/crm/v2/Leads/${otherLeadId}/Attachments/${linkId}`);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'INVALID_DATA',
        details: {},
        message: 'As it is a linked attachment, you can not download it',
        status: 'error',
      });
    });

    it('rejects a URL that is not http(s)', async () => {
      const res = await client.request(
        'POST',
        `/crm/v2/Leads/${otherLeadId}/Attachments?attachmentUrl=ftp%3A%2F%2Fx`,
      );
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'INVALID_DATA',
        details: { param: 'attachmentUrl' },
        message: 'invalid data',
        status: 'error',
      });
      expect(await list(otherLeadId)).toHaveLength(2);
    });
  });

  describe('upload errors leave the attachments as they were', () => {
    it('requires a file or a link', async () => {
      const before = await list();
      const res = await client.request('POST', `/crm/v2/Leads/${leadId}/Attachments`);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'REQUIRED_PARAM_MISSING',
        details: { param: 'file' },
        message: 'One of the expected parameter is missing',
        status: 'error',
      });
      const other = new FormData();
      other.append('document', new Blob([Buffer.from('x')]), 'x.txt');
      expect((await upload(`Leads/${leadId}/Attachments`, other)).json.code).toBe('REQUIRED_PARAM_MISSING');
      expect(await list()).toEqual(before);
    });

    it('answers a file part without a file name with 400 INVALID_DATA and keeps serving the connection', async () => {
      // The official Node SDK sends an in-memory stream this way: form-data gives a non-file stream no
      // `filename` (utils/util/form_data_converter.js, addFileBody, in @zohocrm/nodejs-sdk-2.0).
      const before = await list();
      const body =
        '--zzz\r\nContent-Disposition: form-data; name="file"\r\nContent-Type: application/octet-stream\r\n\r\n' +
        'in memory\r\n--zzz--\r\n';
      const res = await client.request('POST', `/crm/v2/Leads/${leadId}/Attachments`, {
        body,
        headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' },
      });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'INVALID_DATA',
        details: { param: 'file' },
        message: 'the file name is missing',
        status: 'error',
      });
      expect(await list()).toEqual(before);
    });

    it('refuses files over 20 MB with 413', async () => {
      const before = await list();
      const res = await upload(
        `Leads/${leadId}/Attachments`,
        fileForm('big.bin', Buffer.alloc(20 * 1024 * 1024 + 1), 'application/octet-stream'),
      );
      expect(res.status).toBe(413);
      expect(res.json).toEqual({
        code: 'FILE_SIZE_MORE_THAN_ALLOWED_SIZE',
        details: {},
        message: 'The request body is larger than allowed',
        status: 'error',
      });
      expect(await list()).toEqual(before);
    });

    it('checks the module, the related list and the parent record', async () => {
      const form = () => fileForm('a.txt', Buffer.from('a'), 'text/plain');
      const badModule = await upload(`Nope/${leadId}/Attachments`, form());
      expect(badModule.json).toEqual({
        code: 'INVALID_MODULE',
        details: {},
        message: 'the module name given seems to be invalid',
        status: 'error',
      });
      const noList = await client.get(`/crm/v2/Attachments/${leadId}/Attachments`);
      expect(noList.json).toEqual({
        code: 'INVALID_DATA',
        details: {},
        message: 'The relation name given seems to be invalid',
        status: 'error',
      });
      const badParent = await upload(`Leads/1234567/Attachments`, form());
      expect(badParent.status).toBe(400);
      expect(badParent.json).toEqual({
        code: 'INVALID_DATA',
        details: { id: '1234567' },
        message: 'the id given seems to be invalid',
        status: 'error',
      });
    });

    it('needs the parent module’s scope', async () => {
      const tokens = await obtainTokens(emulator, 'ZohoCRM.modules.contacts.ALL');
      const res = await client.request('GET', `/crm/v2/Leads/${leadId}/Attachments`, {
        token: tokens.access_token,
      });
      expect(res.status).toBe(401);
      expect(res.json.code).toBe('OAUTH_SCOPE_MISMATCH');
    });
  });

  describe('photos', () => {
    const photoUrl = () => `/crm/v2/Leads/${leadId}/photo`;

    it('answers 204 before any photo is uploaded', async () => {
      const res = await client.get(photoUrl());
      expect(res.status).toBe(204);
    });

    it('uploads a photo with a top-level success and sets $photo_id', async () => {
      const res = await upload(`Leads/${leadId}/photo`, fileForm('me.png', PNG, 'image/png'));
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        code: 'SUCCESS',
        details: {},
        message: 'photo uploaded successfully',
        status: 'success',
      });
      expect((await getRecord(client, 'Leads', leadId)).$photo_id).toEqual(ANY_ID);
    });

    it('downloads the photo byte for byte', async () => {
      const res = await client.get(photoUrl());
      expect(res.status).toBe(200);
      expect(bytesOf(res).equals(PNG)).toBe(true);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="${leadId}.png"; filename*=UTF-8''${leadId}.png`,
      );
    });

    it('refuses photos over 10 MB with 415 and keeps the old one', async () => {
      const res = await upload(
        `Leads/${leadId}/photo`,
        fileForm('big.png', Buffer.alloc(10 * 1024 * 1024 + 1), 'image/png'),
      );
      expect(res.status).toBe(415);
      expect(res.json).toEqual({
        code: 'FILE_SIZE_MORE_THAN_ALLOWED_SIZE',
        details: {},
        message: 'The file size is more than the allowed size',
        status: 'error',
      });
      expect(bytesOf(await client.get(photoUrl())).equals(PNG)).toBe(true);
    });

    it('refuses a file that is not an image, or no file, and keeps the old one', async () => {
      const text = await upload(
        `Leads/${leadId}/photo`,
        fileForm('notes.txt', Buffer.from('hi'), 'text/plain'),
      );
      expect(text.status).toBe(400);
      expect(text.json).toEqual({
        code: 'INVALID_DATA',
        details: { param: 'file' },
        message: 'invalid data',
        status: 'error',
      });
      const none = await client.request('POST', photoUrl());
      expect(none.json).toEqual({
        code: 'REQUIRED_PARAM_MISSING',
        details: { param: 'file' },
        message: 'One of the expected parameter is missing',
        status: 'error',
      });
      expect(bytesOf(await client.get(photoUrl())).equals(PNG)).toBe(true);
    });

    it('serves photos only for modules that have them', async () => {
      const res = await upload(`Deals/${dealId}/photo`, fileForm('me.png', PNG, 'image/png'));
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'INVALID_MODULE',
        details: {},
        message: 'The given module is not supported in API',
        status: 'error',
      });
      expect((await client.get(`/crm/v2/Deals/${dealId}/photo`)).json.code).toBe('INVALID_MODULE');
    });

    it('deletes the photo', async () => {
      const res = await client.delete(photoUrl());
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ code: 'SUCCESS', details: {}, message: 'Photo deleted', status: 'success' });
      expect((await client.get(photoUrl())).status).toBe(204);
      expect((await getRecord(client, 'Leads', leadId)).$photo_id).toBeNull();
    });
  });
});
