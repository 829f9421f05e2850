/**
 * Parsing of the notes, attachments and photo responses documented by Zoho (samples in test/api/fixtures/wire-samples.ts), served verbatim
 * through the client's transport hook (the whole pipeline still runs), and of downloads (file name, type, error
 * bodies arriving as streams).
 */
import { Readable, Writable } from 'node:stream';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMNote } from '../../src/api/entities/zcrm-note';
import { ZCRMAttachment } from '../../src/api/entities/zcrm-attachment';
import { ZCRMUser } from '../../src/api/entities/zcrm-user';
import { getNotes } from '../../src/api/services/record-notes-service';
import {
  downloadAttachment,
  getAttachments,
  uploadAttachment,
  uploadLinkAsAttachment,
} from '../../src/api/services/record-attachments-service';
import { deletePhoto, downloadPhoto, uploadPhoto } from '../../src/api/services/record-photo-service';
import { ValidationException } from '../../src/errors/validation-exception';
import { cannedClient } from '../support/record-helpers';
import { rejectionOf } from '../support/sub-resource-fixtures';

const USER = { name: 'Patricia Boyle', id: '554023000000235011' };

/** attachment list sample. */
const ATTACHMENTS_SAMPLE = {
  data: [
    {
      Owner: USER,
      Modified_Time: '2019-05-02T11:17:33+05:30',
      File_Name: 'Image.jpg',
      Created_Time: '2019-05-02T11:17:33+05:30',
      Size: '38487',
      Parent_Id: { name: 'Paul Daly', id: '554023000000527003' },
      $editable: true,
      $file_id: '8f3c9a6b1d',
      $type: 'Attachment',
      $se_module: 'Leads',
      Modified_By: USER,
      $state: 'save',
      id: '554023000000538001',
      Created_By: USER,
      $link_url: null,
    },
  ],
  info: { per_page: 20, count: 1, page: 1, more_records: false },
};

/** upload answer. */
const UPLOAD_SAMPLE = {
  data: [
    {
      code: 'SUCCESS',
      details: {
        Modified_Time: '2019-05-02T11:17:33+05:30',
        Modified_By: USER,
        Created_Time: '2019-05-02T11:17:33+05:30',
        id: '4150868000005277036',
        Created_By: USER,
      },
      message: 'attachment uploaded successfully',
      status: 'success',
    },
  ],
};

/** note keys. */
const NOTES_SAMPLE = {
  data: [
    {
      id: '554023000000541001',
      Note_Title: 'Contacted',
      Note_Content: 'Need few more details',
      Parent_Id: { name: 'Paul Daly', id: '554023000000527003' },
      $se_module: 'Leads',
      Owner: USER,
      Created_By: USER,
      Modified_By: USER,
      Created_Time: '2019-05-02T11:20:00+05:30',
      Modified_Time: '2019-05-02T11:21:00+05:30',
      $attachments: [ATTACHMENTS_SAMPLE.data[0]],
      $voice_note: false,
      $editable: true,
      $is_shared_to_client: false,
      $size: null,
      $state: 'save',
    },
  ],
  info: { per_page: 20, count: 1, page: 1, more_records: false },
};

describe('attachments parsing', () => {
  it('parses the documented attachment list', async () => {
    const { client, requests } = await cannedClient(() => ({ status: 200, body: ATTACHMENTS_SAMPLE }));
    const lead = ZCRMRecord.getInstance('Leads', '554023000000527003', client);
    const response = await getAttachments(lead, { page: 2, perPage: 5 });
    expect(new URL(requests[0].url).pathname).toBe('/crm/v2/Leads/554023000000527003/Attachments');
    expect(new URL(requests[0].url).search).toBe('?page=2&per_page=5');
    const [attachment] = response.data;
    expect(attachment).toBeInstanceOf(ZCRMAttachment);
    expect(attachment).toMatchObject({
      id: '554023000000538001',
      fileName: 'Image.jpg',
      fileType: 'jpg',
      size: 38487,
      parentId: '554023000000527003',
      parentName: 'Paul Daly',
      parentModule: 'Leads',
      attachmentType: 'Attachment',
      fileId: '8f3c9a6b1d',
      linkUrl: null,
      editable: true,
      createdTime: '2019-05-02T11:17:33+05:30',
    });
    expect(attachment.parentRecord).toBe(lead);
    expect(attachment.owner).toBeInstanceOf(ZCRMUser);
    expect(attachment.createdBy?.id).toBe('554023000000235011');
    expect(response.info?.perPage).toBe(20);
  });

  it('builds the parent from Parent_Id and $se_module when none is given', () => {
    const attachment = ZCRMAttachment.fromJson(ATTACHMENTS_SAMPLE.data[0]);
    expect(attachment.parentRecord).toBeInstanceOf(ZCRMRecord);
    expect(attachment.parentRecord?.moduleApiName).toBe('Leads');
    expect(attachment.parentRecord?.entityId).toBe('554023000000527003');
    const bare = ZCRMAttachment.fromJson({ id: '1', File_Name: 'README' });
    expect(bare.fileType).toBeUndefined();
    expect(bare.parentRecord).toBeUndefined();
  });

  it('parses the upload answer into the new attachment', async () => {
    const { client, requests } = await cannedClient(() => ({ status: 200, body: UPLOAD_SAMPLE }));
    const lead = ZCRMRecord.getInstance('Leads', '554023000000527003', client);
    const response = await uploadAttachment(lead, Buffer.from('x'), { fileName: 'x.txt' });
    expect(requests[0].body).toBeInstanceOf(FormData);
    const part = (requests[0].body as FormData).get('file') as File;
    expect(part.name).toBe('x.txt');
    expect(part.type).toBe('text/plain');
    expect(response.data?.id).toBe('4150868000005277036');
    expect(response.data?.createdBy?.name).toBe('Patricia Boyle');
    expect(response.message).toBe('attachment uploaded successfully');

    const link = await uploadLinkAsAttachment(lead, 'https://example.com/a b');
    expect(new URL(requests[1].url).searchParams.get('attachmentUrl')).toBe('https://example.com/a b');
    expect(requests[1].body).toBeUndefined();
    expect(link.data?.linkUrl).toBe('https://example.com/a b');
  });

  it('turns an error item of a 200 answer into its typed exception', async () => {
    const { client } = await cannedClient(() => ({
      status: 200,
      body: { data: [{ code: 'INVALID_DATA', details: {}, message: 'invalid data', status: 'error' }] },
    }));
    const error = await rejectionOf(
      uploadLinkAsAttachment(ZCRMRecord.getInstance('Leads', '1', client), 'https://example.com'),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.errorCode).toBe('INVALID_DATA');
  });

  it('parses the documented note, with its attachments', async () => {
    const { client, requests } = await cannedClient(() => ({ status: 200, body: NOTES_SAMPLE }));
    const lead = ZCRMRecord.getInstance('Leads', '554023000000527003', client);
    const response = await getNotes(lead, { sortBy: 'Modified_Time', sortOrder: 'desc' });
    expect(new URL(requests[0].url).search).toBe('?page=1&per_page=20&sort_by=Modified_Time&sort_order=desc');
    const [note] = response.data;
    expect(note).toBeInstanceOf(ZCRMNote);
    expect(note).toMatchObject({
      id: '554023000000541001',
      title: 'Contacted',
      content: 'Need few more details',
      parentId: '554023000000527003',
      parentName: 'Paul Daly',
      parentModule: 'Leads',
      isVoiceNote: false,
      size: null,
      editable: true,
      modifiedTime: '2019-05-02T11:21:00+05:30',
    });
    expect(note.owner?.name).toBe('Patricia Boyle');
    expect(note.attachments).toHaveLength(1);
    expect(note.attachments?.[0].fileName).toBe('Image.jpg');
    // A note's attachments hang off the note, as a Notes record.
    expect(note.attachments?.[0].parentRecord?.moduleApiName).toBe('Notes');
    expect(note.attachments?.[0].parentRecord?.entityId).toBe('554023000000541001');
    expect(note.toJson()).toEqual({ Note_Title: 'Contacted', Note_Content: 'Need few more details' });
    expect(ZCRMNote.fromJson({ id: '1', $attachments: null }).attachments).toEqual([]);
  });

  it('parses the photo acknowledgements (top-level, not under data)', async () => {
    const answers = [
      { code: 'SUCCESS', details: {}, message: 'photo uploaded successfully', status: 'success' },
      { code: 'SUCCESS', details: {}, message: 'Photo deleted', status: 'success' },
    ];
    const { client } = await cannedClient(() => ({ status: 200, body: answers.shift() }));
    const contact = ZCRMRecord.getInstance('Contacts', '1', client);
    expect((await uploadPhoto(contact, Buffer.from('png'), { fileName: 'a.png' })).message).toBe(
      'photo uploaded successfully',
    );
    expect((await deletePhoto(contact)).message).toBe('Photo deleted');
  });

  it('reads a download’s name, type and length, and streams its body', async () => {
    const { client } = await cannedClient(() => ({
      status: 200,
      headers: {
        'Content-Type': 'image/png; charset=binary',
        'Content-Disposition': `attachment; filename="_t_.png"; filename*=UTF-8''%C3%A9t%C3%A9.png`,
        'Content-Length': '3',
        'X-RATELIMIT-DAY-REMAINING': '4999',
      },
      body: Readable.from([Buffer.from('abc')]),
    }));
    const download = await downloadPhoto(ZCRMRecord.getInstance('Contacts', '1', client));
    expect(download.fileName).toBe('été.png');
    expect(download.contentType).toBe('image/png');
    expect(download.contentLength).toBe(3);
    expect(download.getRemainingAPICountForTheDay()).toBe(4999);
    const chunks: Buffer[] = [];
    await download.writeTo(
      new Writable({
        write(chunk, _e, done) {
          chunks.push(Buffer.from(chunk));
          done();
        },
      }),
    );
    expect(Buffer.concat(chunks).toString()).toBe('abc');
  });

  it('falls back on a name of its own when the download has no Content-Disposition', async () => {
    const { client } = await cannedClient(() => ({ status: 200, body: Readable.from([Buffer.from('x')]) }));
    const download = await downloadAttachment(ZCRMRecord.getInstance('Leads', '1', client), '42');
    expect(download.fileName).toBe('attachment-42');
    download.discard();
  });
  // Streamed error bodies are parsed by the axios transport, which a canned transport bypasses: see downloads.test.ts.
});
