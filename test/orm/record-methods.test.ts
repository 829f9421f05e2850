/**
 * The record extras as methods of the models and of `Repository` (thin delegations to `src/orm/extras`, which
 * its own tests cover in depth): notes, attachments, photo, tags and related lists reach the emulator through
 * the client the record came from, or the repository's.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { Repository } from '../../src/orm';
import { ZCRMNote } from '../../src/api/entities/zcrm-note';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { ormClient, OrmFixture, startOrmEmulator } from './support/orm-emulator';
import { Account, Invoice, Lead, Product } from './support/models';

let fx: OrmFixture;
let dir: string;
beforeAll(async () => {
  fx = await startOrmEmulator();
  dir = await mkdtemp(path.join(os.tmpdir(), 'zcrm-orm-'));
});
afterAll(async () => {
  await fx?.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => fx.clearLog());

test('notes: addNote, notes, removeNote', async () => {
  const lead = await Lead.create({ lastName: 'Noted' }).save();
  const note = await lead.addNote({ title: 'Sent', content: 'Mailed to finance' });
  expect(note).toBeInstanceOf(ZCRMNote);
  const notes = await lead.notes();
  expect(notes.map((n) => [n.title, n.content])).toEqual([['Sent', 'Mailed to finance']]);
  await lead.removeNote(note);
  expect(await lead.notes()).toEqual([]);
  const paths = (await fx.crmCalls()).map((c) => `${c.method} ${c.path}`);
  expect(paths).toContain(`POST Leads/${lead.id}/Notes`);
});

test('attachments: attach a Buffer, list, download, attach a link, remove', async () => {
  const account = await Account.create({ name: 'Attached' }).save();
  const bytes = randomBytes(1024);
  const attachment = await account.attach(bytes, { fileName: 'q3.pdf' });
  expect(attachment.fileName).toBe('q3.pdf');
  expect((await account.attachments()).map((a) => a.id)).toEqual([attachment.id]);
  const target = path.join(dir, 'copy.pdf');
  await account.downloadAttachment(attachment, target);
  expect((await readFile(target)).equals(bytes)).toBe(true);
  const link = await account.attachLink('https://example.com/terms.pdf');
  expect((await account.attachments()).map((a) => a.id).sort()).toEqual([attachment.id, link.id].sort());
  await account.removeAttachment(link);
  expect((await account.attachments()).map((a) => a.id)).toEqual([attachment.id]);
});

test('photo: upload, download, delete', async () => {
  const lead = await Lead.create({ lastName: 'Pictured' }).save();
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(256),
  ]);
  await lead.uploadPhoto(png, { fileName: 'face.png' });
  const target = path.join(dir, 'face.png');
  const downloaded = await lead.downloadPhoto(target);
  expect(downloaded).toBeDefined();
  expect((await readFile(target)).equals(png)).toBe(true);
  await lead.deletePhoto();
  expect(await lead.downloadPhoto(path.join(dir, 'none.png'))).toBeUndefined();
});

test('tags: addTags / removeTags update the record', async () => {
  const lead = await Lead.create({ lastName: 'Tagged' }).save();
  expect((await lead.addTags(['vip', 'eu'])).sort()).toEqual(['eu', 'vip']);
  expect(lead.tags!.map((t) => t.name).sort()).toEqual(['eu', 'vip']);
  expect(await lead.removeTags(['eu'])).toEqual(['vip']);
  expect(lead.tags!.map((t) => t.name)).toEqual(['vip']);
  await lead.reload();
  expect(lead.tags!.map((t) => t.name)).toEqual(['vip']);
});

test('related lists by model and by API name: list, link, unlink', async () => {
  const account = await Account.create({ name: 'Related' }).save();
  const product = await Product.create({ name: 'Related product' }).save();
  const products = account.related(Product);
  expect(await products.list()).toEqual([]);
  const [linked] = await products.link(product);
  expect(linked.isSuccess).toBe(true);
  const listed = await products.list();
  expect(listed.map((p) => p.id)).toEqual([product.id]);
  expect(listed[0]).toBeInstanceOf(Product);
  const byName = await account.related('Products').list();
  expect(byName[0]).toBeInstanceOf(ZCRMRecord);
  await products.unlink(product.id!);
  expect(await products.list()).toEqual([]);
  // An invoice of the account shows on its Invoices list (a lookup relation).
  const invoice = Invoice.create({ subject: 'Related invoice', account: Account.ref(account.id!) });
  invoice.lines.push({ product: Product.ref(product.id!), quantity: 1, taxes: [] });
  await invoice.save();
  expect((await account.related(Invoice).list()).map((i) => i.subject)).toEqual(['Related invoice']);
});

test('a record of another org goes to its own org; a repository sends through its client', async () => {
  let other: RunningEmulator | undefined;
  try {
    other = await startEmulator({ demoData: false });
    const client = await ormClient(other);
    const leads = new Repository(Lead, client);
    const lead = await leads.create({ lastName: 'Elsewhere' }).save();
    await lead.addNote({ content: 'on the other org' });
    expect((await leads.notes(lead)).map((n) => n.content)).toEqual(['on the other org']);
    expect((await leads.addTags(lead, ['remote'])).sort()).toEqual(['remote']);
    expect(await fx.crmCalls()).toEqual([]);
    await client.close();
  } finally {
    await other?.stop();
  }
});

test('extras need a saved record: checked before any request', async () => {
  const lead = Lead.create({ lastName: 'Unsaved' });
  await expect(lead.addNote({ content: 'x' })).rejects.toMatchObject({ statusCode: 0 });
  await expect(lead.addTags(['x'])).rejects.toMatchObject({ statusCode: 0 });
  expect(() => lead.related(Product)).toThrow(/needs a saved record/);
  expect(await fx.crmCalls()).toEqual([]);
});
