import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMAttachment } from '../../src/api/entities/zcrm-attachment';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ValidationException } from '../../src/errors/validation-exception';
import { NotFoundException } from '../../src/errors/not-found-exception';
import {
  attach,
  attachLink,
  attachments,
  deletePhoto,
  downloadAttachment,
  downloadPhoto,
  removeAttachment,
  uploadPhoto,
} from '../../src/orm/extras';
import { captureRequests } from '../support/request-capture';
import {
  binaryContent,
  collector,
  Contact,
  Deal,
  expectClientSideRejection,
  Lead,
  MISSING_ID,
  pngBytes,
  Product,
  rejectionOf,
  saved,
  startExtrasEmulator,
  stopSdkEmulator,
} from './extras-support';

describe('record extras: attachments and photos', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  let dir: string;
  let content: Buffer;
  let contentPath: string;

  beforeAll(async () => {
    ({ emulator, client } = await startExtrasEmulator());
    dir = await mkdtemp(path.join(os.tmpdir(), 'zcrm-extras-'));
    content = binaryContent();
    contentPath = path.join(dir, 'q3.pdf');
    await writeFile(contentPath, content);
  });
  afterAll(async () => {
    await stopSdkEmulator({ emulator, client });
    await rm(dir, { recursive: true, force: true });
  });

  const lead = (name = 'Attached') => saved(client, Lead, 'Leads', { Last_Name: name });

  describe('attachments', () => {
    it('uploads from a Buffer, a path and a stream; each downloads back byte for byte', async () => {
      const record = await lead();
      const fromBuffer = await attach(record, content, { client, fileName: 'buffer.bin' });
      const fromPath = await attach(record, contentPath, { client });
      const fromStream = await attach(
        record,
        Readable.from([content.subarray(0, 1000), content.subarray(1000)]),
        {
          client,
          fileName: 'stream.bin',
        },
      );
      for (const attachment of [fromBuffer, fromPath, fromStream]) {
        expect(attachment).toBeInstanceOf(ZCRMAttachment);
        expect(attachment.id).toMatch(/^\d+$/);
        expect(attachment.createdTime).toEqual(expect.any(String));
        expect(attachment.parentRecord).toBeInstanceOf(ZCRMRecord);
        expect(attachment.parentRecord!.entityId).toBe(record.id);
        expect(attachment.parentId).toBe(record.id);
      }
      expect([fromBuffer.fileName, fromPath.fileName, fromStream.fileName]).toEqual([
        'buffer.bin',
        'q3.pdf',
        'stream.bin',
      ]);
      expect(fromPath.fileType).toBe('pdf');
      expect(new Set([fromBuffer.id, fromPath.id, fromStream.id]).size).toBe(3);

      // to a file path
      const target = path.join(dir, 'out', 'buffer-copy.bin');
      const written = await downloadAttachment(record, fromBuffer, target, { client });
      expect(written).toMatchObject({ path: target, fileName: 'buffer.bin', contentLength: content.length });
      expect((await readFile(target)).equals(content)).toBe(true);
      // into a directory, under Zoho's file name
      const intoDir = await downloadAttachment(record, fromPath.id!, dir + path.sep, { client });
      expect(intoDir.path).toBe(path.join(dir, 'q3.pdf'));
      expect(intoDir.contentType).toBe('application/x-download');
      expect((await readFile(intoDir.path!)).equals(content)).toBe(true);
      // to a stream
      const sink = collector();
      const streamed = await downloadAttachment(record, fromStream, sink, { client });
      expect(streamed.path).toBeUndefined();
      expect(streamed.fileName).toBe('stream.bin');
      expect(sink.bytes().equals(content)).toBe(true);
      // no partial files left behind
      expect((await readdir(path.join(dir, 'out'))).filter((f) => f.endsWith('.part'))).toEqual([]);
    });

    it('lists every attachment, files and links, across pages', async () => {
      const record = await lead('Listed');
      const file = await attach(record, Buffer.from('hello'), { client, fileName: 'hello.txt' });
      const link = await attachLink(record, 'https://example.com/spec', { client });
      expect(link.linkUrl).toBe('https://example.com/spec');
      expect(link.id).toMatch(/^\d+$/);
      const unnamed = await attach(record, Buffer.from('third'), { client });
      expect(unnamed.fileName).toBe('file');

      const sent = captureRequests(client);
      const all = await attachments(record, { client, perPage: 2 });
      expect(sent.map((r) => r.url)).toEqual([
        `/crm/v2/Leads/${record.id}/Attachments?page=1&per_page=2`,
        `/crm/v2/Leads/${record.id}/Attachments?page=2&per_page=2`,
      ]);
      expect(all).toHaveLength(3);
      const byId = new Map(all.map((a) => [a.id, a]));
      expect(byId.get(file.id)).toMatchObject({ fileName: 'hello.txt', size: 5, parentId: record.id });
      expect(byId.get(link.id)!.linkUrl).toBe('https://example.com/spec');
      expect(byId.get(unnamed.id)!.fileName).toBe('file');
      expect(all.every((a) => a.parentRecord?.entityId === record.id)).toBe(true);
      expect(await attachments(record, { client, page: 2, perPage: 2 })).toHaveLength(1);
      expect(await attachments(await lead('Bare'), { client })).toEqual([]);
    });

    it('removes an attachment given as an attachment or its id', async () => {
      const record = await lead('Emptied');
      const first = await attach(record, Buffer.from('1'), { client, fileName: '1.txt' });
      const second = await attach(record, Buffer.from('2'), { client, fileName: '2.txt' });
      await removeAttachment(record, first, { client });
      expect((await attachments(record, { client })).map((a) => a.id)).toEqual([second.id]);
      await removeAttachment(record, second.id!, { client });
      expect(await attachments(record, { client })).toEqual([]);
    });

    it("lets the returned attachment download itself through the record's module and id", async () => {
      const record = await lead('Self-service');
      const attachment = await attach(record, content, { client, fileName: 'self.bin' });
      const sink = collector();
      await (await attachment.download()).writeTo(sink);
      expect(sink.bytes().equals(content)).toBe(true);
    });

    it('checks its arguments before any request', async () => {
      const record = await lead('Checked');
      const unsaved = new Lead();
      let error = await expectClientSideRejection(emulator, () => attach(unsaved, content, { client }));
      expect(error.errorMessage).toContain('Lead.attach() needs a saved record');
      error = await expectClientSideRejection(emulator, () => attachments(unsaved, { client }));
      expect(error.errorMessage).toContain('Lead.attachments() needs a saved record');
      error = await expectClientSideRejection(emulator, () =>
        downloadAttachment(unsaved, '1', collector(), { client }),
      );
      expect(error.errorMessage).toContain('Lead.downloadAttachment() needs a saved record');
      error = await expectClientSideRejection(emulator, () => removeAttachment(unsaved, '1', { client }));
      expect(error.errorMessage).toContain('Lead.removeAttachment() needs a saved record');
      error = await expectClientSideRejection(emulator, () =>
        attachLink(unsaved, 'https://x.io', { client }),
      );
      expect(error.errorMessage).toContain('Lead.attachLink() needs a saved record');

      error = await expectClientSideRejection(emulator, () => attach(record, 42 as never, { client }));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.errorMessage).toBe(
        'source: Lead.attach() needs a file path, a Buffer or a Readable stream, got number 42',
      );
      error = await expectClientSideRejection(emulator, () =>
        attach(record, path.join(dir, 'missing.pdf'), { client }),
      );
      expect(error.errorMessage).toBe(`file: no readable file at ${path.join(dir, 'missing.pdf')}`);
      error = await expectClientSideRejection(emulator, () => attachLink(record, 'ftp://x.io/a', { client }));
      expect(error.errorMessage).toBe('url: Lead.attachLink() needs an http(s) URL, got "ftp://x.io/a"');
      error = await expectClientSideRejection(emulator, () =>
        downloadAttachment(record, '', collector(), { client }),
      );
      expect(error.errorMessage).toBe(
        'attachment: Lead.downloadAttachment() needs an id string or a saved record, got ""',
      );
      error = await expectClientSideRejection(emulator, () =>
        downloadAttachment(record, new ZCRMAttachment(), collector(), { client }),
      );
      expect(error.errorMessage).toBe(
        'attachment: Lead.downloadAttachment() needs saved records: this ZCRMAttachment has no id yet',
      );
      error = await expectClientSideRejection(emulator, () =>
        downloadAttachment(record, '1', undefined as never, { client }),
      );
      expect(error.errorMessage).toBe(
        'target: Lead.downloadAttachment() needs a file path, a directory or a writable stream to write to, got undefined',
      );
      error = await expectClientSideRejection(emulator, () => attachments(record, { client, perPage: 0 }));
      expect(error.errorMessage).toBe('perPage: Lead.attachments(): must be 1 to 200, got 0');
    });

    it("passes on Zoho's errors: a link cannot be downloaded, an unknown attachment or record", async () => {
      const record = await lead('Zoho says no');
      const link = await attachLink(record, 'https://example.com/a', { client });
      const target = path.join(dir, 'never.bin');
      let error = await rejectionOf(downloadAttachment(record, link, target, { client }));
      expect([error.statusCode, error.errorCode, error.errorMessage]).toEqual([
        400,
        'INVALID_DATA',
        'As it is a linked attachment, you can not download it',
      ]);
      await expect(readFile(target)).rejects.toThrow();
      error = await rejectionOf(downloadAttachment(record, MISSING_ID, collector(), { client }));
      expect(error).toMatchObject({ statusCode: 400, errorCode: 'INVALID_DATA' });
      error = await rejectionOf(removeAttachment(record, MISSING_ID, { client }));
      expect(error).toMatchObject({ statusCode: 400, errorCode: 'INVALID_DATA' });
      const ghost = Object.assign(new Lead(), { id: MISSING_ID });
      error = await rejectionOf(attach(ghost, content, { client, fileName: 'x.bin' }));
      expect(error).toMatchObject({ statusCode: 400, errorCode: 'INVALID_DATA' });
      error = await rejectionOf(attachments(ghost, { client }));
      expect(error).toMatchObject({ statusCode: 400, errorCode: 'INVALID_DATA' });
    });
  });

  describe('photos', () => {
    it('uploads a photo from a Buffer, downloads it byte for byte, deletes it', async () => {
      const contact = await saved(client, Contact, 'Contacts', { Last_Name: 'Portrait' });
      const png = pngBytes();
      await uploadPhoto(contact, png, { client, fileName: 'face.png' });
      const sink = collector();
      const written = await downloadPhoto(contact, sink, { client });
      expect(written).toMatchObject({ contentType: 'image/png' });
      expect(written!.path).toBeUndefined();
      expect(sink.bytes().equals(png)).toBe(true);

      const file = path.join(dir, 'photos', 'portrait.png');
      expect((await downloadPhoto(contact, file, { client }))!.path).toBe(file);
      expect((await readFile(file)).equals(png)).toBe(true);

      await deletePhoto(contact, { client });
      const none = collector();
      expect(await downloadPhoto(contact, none, { client })).toBeUndefined();
      expect(none.bytes().length).toBe(0);
    });

    it('uploads a photo from a path and from a stream', async () => {
      const product = await saved(client, Product, 'Products', { Product_Name: 'Photogenic' });
      const png = pngBytes();
      const photoPath = path.join(dir, 'product.png');
      await writeFile(photoPath, png);
      await uploadPhoto(product, photoPath, { client });
      let sink = collector();
      await downloadPhoto(product, sink, { client });
      expect(sink.bytes().equals(png)).toBe(true);

      const other = pngBytes();
      await uploadPhoto(product, Readable.from([other]), { client, fileName: 'p.png' });
      sink = collector();
      await downloadPhoto(product, sink, { client });
      expect(sink.bytes().equals(other)).toBe(true);
    });

    it('checks its arguments before any request', async () => {
      const unsaved = new Contact();
      let error = await expectClientSideRejection(emulator, () =>
        uploadPhoto(unsaved, pngBytes(), { client }),
      );
      expect(error.errorMessage).toContain('Contact.uploadPhoto() needs a saved record');
      error = await expectClientSideRejection(emulator, () =>
        downloadPhoto(unsaved, collector(), { client }),
      );
      expect(error.errorMessage).toContain('Contact.downloadPhoto() needs a saved record');
      error = await expectClientSideRejection(emulator, () => deletePhoto(unsaved, { client }));
      expect(error.errorMessage).toContain('Contact.deletePhoto() needs a saved record');
      const contact = await saved(client, Contact, 'Contacts', { Last_Name: 'Checked' });
      error = await expectClientSideRejection(emulator, () =>
        uploadPhoto(contact, null as never, { client }),
      );
      expect(error.errorMessage).toBe(
        'source: Contact.uploadPhoto() needs a file path, a Buffer or a Readable stream, got null',
      );
      error = await expectClientSideRejection(emulator, () => downloadPhoto(contact, 7 as never, { client }));
      expect(error.errorMessage).toContain('target: Contact.downloadPhoto() needs a file path');
    });

    it("passes on Zoho's errors: not an image, a module without photos", async () => {
      const contact = await saved(client, Contact, 'Contacts', { Last_Name: 'Text' });
      let error = await rejectionOf(uploadPhoto(contact, Buffer.from('text'), { client, fileName: 'a.txt' }));
      expect(error).toMatchObject({ statusCode: 400, errorCode: 'INVALID_DATA' });
      const deal = await saved(client, Deal, 'Deals', { Deal_Name: 'No photo', Stage: 'Qualification' });
      error = await rejectionOf(downloadPhoto(deal, collector(), { client }));
      expect(error).toBeInstanceOf(NotFoundException);
      expect(error.errorCode).toBe('INVALID_MODULE');
    });
  });
});
