import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ZCRMNote } from '../../src/api/entities/zcrm-note';
import { ZCRMAttachment } from '../../src/api/entities/zcrm-attachment';
import { addNote, getNotes } from '../../src/api/services/record-notes-service';
import {
  deleteAttachment,
  downloadAttachment,
  getAttachments,
  uploadAttachment,
  uploadLinkAsAttachment,
} from '../../src/api/services/record-attachments-service';
import { deletePhoto, downloadPhoto, uploadPhoto } from '../../src/api/services/record-photo-service';
import { FileAPIResponse } from '../../src/api/responses/file-api-response';
import { fileNameFromContentDisposition, safeFileName } from '../../src/api/files/content-disposition';
import { ValidationException } from '../../src/errors/validation-exception';
import { NotFoundException } from '../../src/errors/not-found-exception';
import { ZCRMException } from '../../src/errors/zcrm-exception';
import {
  createRecord,
  expectClientSideRejection,
  MISSING_ID,
  rejectionOf,
  startSdkEmulator,
  stopSdkEmulator,
} from '../support/sub-resource-fixtures';

/** The 8-byte PNG signature plus random bytes: enough for the emulator to treat it as an image by type. */
const pngBytes = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2048)]);

/** Collects everything written to it. */
function collector(): Writable & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(sink, { bytes: () => Buffer.concat(chunks) });
}

describe('attachments and photos', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  let lead: ZCRMRecord;
  let dir: string;
  /** Binary content with every byte value, so any text decoding on the way would show. */
  let binary: Buffer;
  let binaryPath: string;

  beforeAll(async () => {
    ({ emulator, client } = await startSdkEmulator());
    lead = await createRecord(client, 'Leads', { Last_Name: 'Attached' });
    dir = await mkdtemp(path.join(os.tmpdir(), 'zcrm-attachments-test-'));
    binary = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300 * 1024)]);
    binaryPath = path.join(dir, 'report.bin');
    await writeFile(binaryPath, binary);
  });
  afterAll(async () => {
    await stopSdkEmulator({ emulator, client });
    await rm(dir, { recursive: true, force: true });
  });

  describe('attachments', () => {
    it('round-trips a binary file byte for byte: upload from a path, download into a directory', async () => {
      const uploaded = await uploadAttachment(lead, binaryPath);
      expect(uploaded.status).toBe('success');
      expect(uploaded.message).toBe('attachment uploaded successfully');
      const attachment = uploaded.data!;
      expect(attachment).toBeInstanceOf(ZCRMAttachment);
      expect(attachment.id).toMatch(/^\d{19}$/);
      expect(attachment.parentRecord).toBe(lead);
      expect(attachment.createdBy?.name).toBe('Patricia Boyle');
      // The same attachment the ORM's attach returns: file name and type, and the record it hangs off.
      expect([attachment.fileName, attachment.fileType, attachment.linkUrl]).toEqual([
        'report.bin',
        'bin',
        null,
      ]);
      expect([attachment.parentModule, attachment.parentId]).toEqual([lead.moduleApiName, lead.entityId]);

      const download = await downloadAttachment(lead, attachment.id!);
      expect(download).toBeInstanceOf(FileAPIResponse);
      expect(download.status).toBe('success');
      expect(download.fileName).toBe('report.bin');
      expect(download.contentType).toBe('application/x-download');
      const outDir = path.join(dir, 'out-1');
      const written = await download.writeTo(`${outDir}${path.sep}`);
      expect(written).toBe(path.join(outDir, 'report.bin'));
      expect((await readFile(written!)).equals(binary)).toBe(true);
      // Only the finished file: no temporary part left behind.
      expect(await readdir(outDir)).toEqual(['report.bin']);
    });

    it('uploads a Buffer and a Readable stream under the given names, and downloads to a file path and a stream', async () => {
      const fromBuffer = (await uploadAttachment(lead, binary, { fileName: 'buffer.dat' })).data!;
      const fromStream = (
        await uploadAttachment(lead, Readable.from([binary.subarray(0, 1000), binary.subarray(1000)]), {
          fileName: 'stream.dat',
        })
      ).data!;

      // The stream was spooled to a temporary file, which is gone once the upload is done.
      const spools = (await readdir(os.tmpdir())).filter((name) => name.startsWith('zcrm-upload-'));
      expect(spools).toEqual([]);

      const target = path.join(dir, 'nested', 'copy.dat');
      const written = await (await downloadAttachment(lead, fromBuffer.id!)).writeTo(target);
      expect(written).toBe(target);
      expect((await readFile(target)).equals(binary)).toBe(true);

      const sink = collector();
      const download = await downloadAttachment(lead, fromStream.id!);
      expect(download.fileName).toBe('stream.dat');
      expect(await download.writeTo(sink)).toBeUndefined();
      expect(sink.bytes().equals(binary)).toBe(true);
    });

    it('reads a non-ASCII file name from the RFC 5987 form of Content-Disposition', async () => {
      const name = 'Résumé – été 2024.txt';
      const uploaded = (await uploadAttachment(lead, Buffer.from('bonjour'), { fileName: name })).data!;
      const download = await downloadAttachment(lead, uploaded.id!);
      expect(download.fileName).toBe(name);
      expect(download.contentType).toBe('application/x-download');
      const sink = collector();
      await download.writeTo(sink);
      expect(sink.bytes().toString()).toBe('bonjour');
    });

    it('streams: the body is read only once, and can be discarded', async () => {
      const uploaded = (await uploadAttachment(lead, Buffer.from('once'), { fileName: 'once.txt' })).data!;
      const download = await downloadAttachment(lead, uploaded.id!);
      expect(download.stream).toBeInstanceOf(Readable);
      expect(download.getResponseStream()).toBe(download.stream);
      await download.writeTo(collector());
      const again = await rejectionOf(download.writeTo(collector()));
      expect(again.errorCode).toBe('STREAM_CONSUMED');

      const unwanted = await downloadAttachment(lead, uploaded.id!);
      unwanted.discard();
      expect((await rejectionOf(unwanted.writeTo(collector()))).errorCode).toBe('STREAM_CONSUMED');
    });

    it('lists attachments with their file names, types and sizes', async () => {
      const record = await createRecord(client, 'Accounts', { Account_Name: 'Listed Inc' });
      await uploadAttachment(record, Buffer.from('12345'), { fileName: 'a.tar.gz' });
      await uploadAttachment(record, Buffer.from('1234567'), { fileName: 'b.pdf' });
      const response = await getAttachments(record, { perPage: 1 });
      expect(response.statusCode).toBe(200);
      expect(response.info?.moreRecords).toBe(true);
      expect(response.data).toHaveLength(1);
      const all = (await getAttachments(record)).data;
      expect(all.map((a) => [a.fileName, a.fileType, a.size])).toEqual([
        ['a.tar.gz', 'gz', 5],
        ['b.pdf', 'pdf', 7],
      ]);
      const first = all[0];
      expect(first.parentRecord).toBe(record);
      expect(first.parentId).toBe(record.entityId);
      expect(first.parentModule).toBe('Accounts');
      expect(first.attachmentType).toBe('Attachment');
      expect(first.owner?.name).toBe('Patricia Boyle');
      expect(first.linkUrl).toBeNull();
      expect(first.fileId).toMatch(/^\d+$/);
    });

    it('answers an empty list as no data', async () => {
      const bare = await createRecord(client, 'Leads', { Last_Name: 'Bare' });
      const response = await getAttachments(bare);
      expect(response.noData).toBe(true);
      expect(response.data).toEqual([]);
    });

    it('attaches a link, refuses the same link twice, and cannot download it', async () => {
      const record = await createRecord(client, 'Leads', { Last_Name: 'Linked' });
      const url = 'https://example.com/spec.pdf';
      const linked = await uploadLinkAsAttachment(record, url);
      expect(linked.status).toBe('success');
      expect(linked.data?.linkUrl).toBe(url);
      const listed = (await getAttachments(record)).data[0];
      expect(listed.linkUrl).toBe(url);
      expect(listed.id).toBe(linked.data?.id);

      const duplicate = await rejectionOf(uploadLinkAsAttachment(record, url));
      expect(duplicate.errorCode).toBe('DUPLICATE_DATA');
      expect(duplicate.errorMessage).toBe('Attachment link already exists');

      // The error body of a streamed download is read and parsed into the typed error.
      const error = await rejectionOf(downloadAttachment(record, listed.id!));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.statusCode).toBe(400);
      expect(error.errorCode).toBe('INVALID_DATA');
      expect(error.errorMessage).toBe('As it is a linked attachment, you can not download it');
    });

    it('deletes an attachment, through the function and through the attachment object', async () => {
      const record = await createRecord(client, 'Leads', { Last_Name: 'Deleting' });
      const one = (await uploadAttachment(record, Buffer.from('1'), { fileName: 'one.txt' })).data!;
      const two = (await uploadAttachment(record, Buffer.from('2'), { fileName: 'two.txt' })).data!;
      const deleted = await deleteAttachment(record, one.id!);
      expect(deleted.status).toBe('success');
      expect(deleted.data?.id).toBe(one.id);
      const listed = (await getAttachments(record)).data;
      expect(listed.map((a) => a.id)).toEqual([two.id]);

      const viaObject = listed[0];
      const sink = collector();
      await (await viaObject.download()).writeTo(sink);
      expect(sink.bytes().toString()).toBe('2');
      expect((await viaObject.delete()).status).toBe('success');
      expect((await getAttachments(record)).noData).toBe(true);
    });

    it("throws Zoho's errors: unknown attachment, unknown parent, module without attachments", async () => {
      let error = await rejectionOf(downloadAttachment(lead, MISSING_ID));
      expect(error.errorCode).toBe('INVALID_DATA');
      error = await rejectionOf(deleteAttachment(lead, MISSING_ID));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.errorCode).toBe('INVALID_DATA');
      error = await rejectionOf(getAttachments(ZCRMRecord.getInstance('Leads', MISSING_ID, client)));
      expect(error.errorCode).toBe('INVALID_DATA');
      error = await rejectionOf(
        uploadAttachment(ZCRMRecord.getInstance('Nonexistent_Module', MISSING_ID, client), Buffer.from('x')),
      );
      expect(error).toBeInstanceOf(NotFoundException);
    });

    it('attaches files to a note and lists them with the note', async () => {
      const record = await createRecord(client, 'Leads', { Last_Name: 'Note files' });
      const note = ZCRMNote.getInstance(record);
      note.content = 'see attached';
      await addNote(record, note);

      const uploaded = await note.uploadAttachment(binary, { fileName: 'note.bin' });
      expect(uploaded.data?.parentRecord?.moduleApiName).toBe('Notes');
      expect(uploaded.data?.parentRecord?.entityId).toBe(note.id);
      const linked = await note.uploadLinkAsAttachment('https://example.com/n');
      expect(linked.status).toBe('success');

      const listed = await note.getAttachments();
      expect(listed.data.map((a) => a.fileName)).toEqual(['note.bin', 'https://example.com/n']);

      const sink = collector();
      await (await note.downloadAttachment(uploaded.data!.id!)).writeTo(sink);
      expect(sink.bytes().equals(binary)).toBe(true);

      const withNotes = (await getNotes(record)).data[0];
      expect(withNotes.attachments?.map((a) => a.fileName)).toEqual(['note.bin', 'https://example.com/n']);
      expect(withNotes.attachments?.[0].parentRecord?.entityId).toBe(note.id);

      expect((await note.deleteAttachment(linked.data!.id!)).status).toBe('success');
      expect((await note.getAttachments()).data).toHaveLength(1);
    });

    describe('client-side checks (before any request)', () => {
      it('needs a readable file, a Buffer or a stream', async () => {
        let error = await expectClientSideRejection(emulator, () =>
          uploadAttachment(lead, path.join(dir, 'missing.txt')),
        );
        expect(error).toBeInstanceOf(ValidationException);
        expect(error.errorMessage).toContain('no readable file');
        error = await expectClientSideRejection(emulator, () => uploadAttachment(lead, dir));
        expect(error.errorMessage).toContain('no readable file');
        error = await expectClientSideRejection(emulator, () =>
          uploadAttachment(lead, undefined as unknown as string),
        );
        expect(error.errorMessage).toContain('a file path, a Buffer or a Readable stream');
        error = await expectClientSideRejection(emulator, () => uploadAttachment(lead, ''));
        expect(error.errorMessage).toContain('a file path, a Buffer or a Readable stream');
      });

      it('needs an http(s) link', async () => {
        const error = await expectClientSideRejection(emulator, () =>
          uploadLinkAsAttachment(lead, 'ftp://example.com/x'),
        );
        expect(error.errorMessage).toContain('http(s) URL');
        await expectClientSideRejection(emulator, () =>
          uploadLinkAsAttachment(lead, undefined as unknown as string),
        );
      });

      it('needs the attachment id and the record id', async () => {
        let error = await expectClientSideRejection(emulator, () => downloadAttachment(lead, ''));
        expect(error.errorMessage).toContain('attachmentId');
        error = await expectClientSideRejection(emulator, () =>
          deleteAttachment(lead, undefined as unknown as string),
        );
        expect(error.errorMessage).toContain('attachmentId');
        const unsaved = ZCRMRecord.getInstance('Leads', undefined, client);
        await expectClientSideRejection(emulator, () => getAttachments(unsaved));
        await expectClientSideRejection(emulator, () => uploadAttachment(unsaved, binaryPath));
        await expectClientSideRejection(emulator, () =>
          ZCRMAttachment.getInstance(undefined, '1').download(),
        );
        await expectClientSideRejection(emulator, () => ZCRMNote.getInstance(lead).getAttachments());
      });
    });
  });

  describe('photos', () => {
    it('uploads, downloads byte for byte, and deletes a photo', async () => {
      const contact = await createRecord(client, 'Contacts', { Last_Name: 'Pictured' });
      const png = pngBytes();
      const uploaded = await uploadPhoto(contact, png, { fileName: 'face.png' });
      expect(uploaded.statusCode).toBe(200);
      expect(uploaded.message).toBe('photo uploaded successfully');
      expect(uploaded.data).toBe(contact);

      const download = await downloadPhoto(contact);
      expect(download.contentType).toBe('image/png');
      expect(download.fileName).toBe(`${contact.entityId}.png`);
      const written = await download.writeTo(dir);
      expect(written).toBe(path.join(dir, `${contact.entityId}.png`));
      expect((await readFile(written!)).equals(png)).toBe(true);

      const deleted = await deletePhoto(contact);
      expect(deleted.message).toBe('Photo deleted');
      const none = await downloadPhoto(contact);
      expect(none.statusCode).toBe(204);
      expect(none.noData).toBe(true);
      expect(none.stream).toBeUndefined();
      expect(none.status).toBeUndefined();
      const error = await rejectionOf(none.writeTo(dir));
      expect(error.errorCode).toBe('NO_CONTENT');
    });

    it('uploads a photo from a path, taking the type from the extension', async () => {
      const product = await createRecord(client, 'Products', { Product_Name: 'Photogenic' });
      const photoPath = path.join(dir, 'product.jpg');
      await writeFile(photoPath, pngBytes());
      await uploadPhoto(product, photoPath);
      const download = await downloadPhoto(product);
      expect(download.contentType).toBe('image/jpeg');
      download.discard();
    });

    it("throws Zoho's errors: not an image, a module without photos", async () => {
      const contact = await createRecord(client, 'Contacts', { Last_Name: 'Not pictured' });
      let error = await rejectionOf(uploadPhoto(contact, Buffer.from('text'), { fileName: 'notes.txt' }));
      expect(error.errorCode).toBe('INVALID_DATA');
      const deal = await createRecord(client, 'Deals', { Deal_Name: 'No photo', Stage: 'Qualification' });
      error = await rejectionOf(downloadPhoto(deal));
      expect(error).toBeInstanceOf(ZCRMException);
      expect(error.statusCode).toBeGreaterThanOrEqual(400);
      expect(error.errorCode).toBe('INVALID_MODULE');
    });

    it('checks before any request', async () => {
      const unsaved = ZCRMRecord.getInstance('Contacts', undefined, client);
      await expectClientSideRejection(emulator, () => uploadPhoto(unsaved, pngBytes()));
      await expectClientSideRejection(emulator, () => downloadPhoto(unsaved));
      await expectClientSideRejection(emulator, () => deletePhoto(unsaved));
      await expectClientSideRejection(emulator, () => uploadPhoto(lead, path.join(dir, 'nope.png')));
    });
  });

  describe('FileAPIResponse.writeTo', () => {
    it('refuses a directory target when the download has no file name', async () => {
      const response = new FileAPIResponse({
        status: 200,
        headers: {},
        data: Readable.from([Buffer.from('x')]),
        noData: false,
        url: 'http://127.0.0.1/x',
        rateLimit: {},
      });
      expect(response.fileName).toBeUndefined();
      const error = await rejectionOf(response.writeTo(dir));
      expect(error.errorCode).toBe('NO_FILE_NAME');
    });

    it('leaves no partial file when the stream fails midway', async () => {
      const failing = new PassThrough();
      const response = new FileAPIResponse(
        {
          status: 200,
          headers: { 'content-length': '10' },
          data: failing,
          noData: false,
          url: 'http://127.0.0.1/x',
          rateLimit: {},
        },
        'broken.bin',
      );
      expect(response.fileName).toBe('broken.bin');
      expect(response.contentLength).toBe(10);
      const outDir = path.join(dir, 'broken');
      const pending = response.writeTo(`${outDir}/`);
      failing.write(Buffer.from('12345'));
      setTimeout(() => failing.destroy(new Error('connection reset')), 20);
      const error = await rejectionOf(pending);
      expect(error.errorMessage).toContain('connection reset');
      expect(await readdir(outDir)).toEqual([]);
    });
  });
});

describe('Content-Disposition file names', () => {
  it('reads the quoted form, with escapes and semicolons', () => {
    expect(fileNameFromContentDisposition('attachment; filename="report.pdf"')).toBe('report.pdf');
    expect(fileNameFromContentDisposition('attachment; filename="a;b \\"c\\".txt"; size=3')).toBe(
      'a;b "c".txt',
    );
    expect(fileNameFromContentDisposition('attachment;filename=plain.csv')).toBe('plain.csv');
    expect(fileNameFromContentDisposition('inline; FILENAME = "Upper.txt"')).toBe('Upper.txt');
    expect(fileNameFromContentDisposition('filename="no-type.txt"')).toBe('no-type.txt');
  });

  it("reads the RFC 5987 form (filename*=UTF-8''…) and prefers it", () => {
    expect(
      fileNameFromContentDisposition("attachment; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%80%93.pdf"),
    ).toBe('Résumé –.pdf');
    expect(
      fileNameFromContentDisposition(
        `attachment; filename="R_sum_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`,
      ),
    ).toBe('Résumé.pdf');
    expect(
      fileNameFromContentDisposition(`attachment; filename*=utf-8'en'na%C3%AFve.txt; filename="naive.txt"`),
    ).toBe('naïve.txt');
    expect(fileNameFromContentDisposition("attachment; filename*=ISO-8859-1''caf%E9.txt")).toBe('café.txt');
    // A broken extended value falls back on the plain one.
    expect(
      fileNameFromContentDisposition(`attachment; filename="fallback.txt"; filename*=UTF-8''%E2%ZZ`),
    ).toBe('fallback.txt');
  });

  it('strips any directory part, in either form', () => {
    expect(fileNameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameFromContentDisposition('attachment; filename="C:\\\\Windows\\\\win.ini"')).toBe('win.ini');
    expect(fileNameFromContentDisposition("attachment; filename*=UTF-8''..%2F..%2Fsecret.txt")).toBe(
      'secret.txt',
    );
    expect(fileNameFromContentDisposition("attachment; filename*=UTF-8''dir%5Cevil.exe")).toBe('evil.exe');
    expect(fileNameFromContentDisposition('attachment; filename="/abs/path/x.bin"')).toBe('x.bin');
    expect(fileNameFromContentDisposition('attachment; filename="bad\u0000name\u001f.txt"')).toBe(
      'badname.txt',
    );
  });

  it('gives undefined when there is no usable name', () => {
    expect(fileNameFromContentDisposition(undefined)).toBeUndefined();
    expect(fileNameFromContentDisposition('')).toBeUndefined();
    expect(fileNameFromContentDisposition('attachment')).toBeUndefined();
    expect(fileNameFromContentDisposition('attachment; filename=""')).toBeUndefined();
    expect(fileNameFromContentDisposition('attachment; filename="../"')).toBeUndefined();
    expect(fileNameFromContentDisposition('attachment; filename=".."')).toBeUndefined();
    expect(safeFileName('  spaced.txt  ')).toBe('spaced.txt');
  });
});
