/**
 * Issue 10, wrong or incomplete data on reads: a query with `select` gives records of the same shape
 * whichever backend the planner picks (list, search, COQL), and records read through COQL carry their line
 * items and line taxes (rows COQL cannot select), loaded by id, instead of empty lists.
 */
import { CrmModule, Field } from '../../../decorators';
import { CrmRecord, LineItem } from '../../../src/orm';
import { Like, MoreThan } from '../../../src/query';
import { OrmFixture, startOrmEmulator } from '../support/orm-emulator';
import { Invoice, Product } from '../support/models';
import { admin } from '../../support/sdk';

@CrmModule('Contacts')
class Contact extends CrmRecord {
  @Field('First_Name') firstName?: string;
  @Field('Last_Name') lastName!: string;
  @Field('Email', { type: 'email' }) email?: string;
}

let fx: OrmFixture;

/** The properties a record has a value for. */
const definedKeys = (record: object) =>
  Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .sort();

beforeAll(async () => {
  fx = await startOrmEmulator();
  await Contact.saveMany(
    ['Miller', 'Moss', 'Mendez', 'Baker'].map((lastName) =>
      Contact.create({ lastName, firstName: 'Ann', email: `${lastName.toLowerCase()}@example.com` }),
    ),
  );
});
afterAll(async () => fx?.stop());

describe('select gives one shape on every backend', () => {
  const select = ['lastName'] as const;
  test.each([
    ['list', { select: [...select], take: 2 }],
    ['search', { where: { lastName: Like('M%') }, select: [...select], take: 2 }],
    [
      'coql',
      { where: { lastName: Like('M%') }, select: [...select], order: { id: 'ASC' as const }, take: 2 },
    ],
  ])('%s', async (backend, options) => {
    expect(Contact.compile(options as never).backend).toBe(backend);
    await fx.clearLog();
    const found = await Contact.find(options as never);
    expect(found).toHaveLength(2);
    for (const contact of found) {
      expect(definedKeys(contact)).toEqual(['id', 'lastName']);
      expect(contact.lastName).toMatch(/^M/);
    }
  });

  test('search asks Zoho for the selected fields only', async () => {
    expect(
      Contact.compile({ where: { lastName: Like('M%') }, select: ['lastName'], take: 2 }).params,
    ).toEqual({
      criteria: '(Last_Name:starts_with:M)',
      fields: 'Last_Name',
      page: 1,
      per_page: 2,
    });
  });
});

describe('COQL reads load what COQL cannot select', () => {
  let invoiceId: string;
  beforeAll(async () => {
    const product = await Product.create({ name: 'Licence', unitPrice: 10 }).save();
    const invoice = Invoice.create({ subject: 'Q3 licences' });
    invoice.lines.push(
      new LineItem({ product: product.id!, quantity: 3, taxes: [{ name: 'Vat', percentage: 5 }] }),
    );
    await invoice.save();
    invoiceId = invoice.id!;
    await invoice.addTags(['q3']);
    await admin(fx.emulator, 'DELETE', 'requests');
  });

  test('line items and line taxes come from a follow-up read by ids', async () => {
    const options = { where: { grandTotal: MoreThan(0) } };
    expect(Invoice.compile(options).backend).toBe('coql');
    await fx.clearLog();
    const [invoice] = await Invoice.find(options);
    expect(invoice.id).toBe(invoiceId);
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines[0].quantity).toBe(3);
    expect(invoice.lines[0].taxes).toEqual([expect.objectContaining({ name: 'Vat', percentage: 5 })]);
    // Tags are not rows: not loaded, so undefined rather than an empty list.
    expect(invoice.tags).toBeUndefined();
    const calls = await fx.crmCalls();
    expect(calls.map((c) => `${c.method} ${c.path.split('?')[0]}`)).toEqual(['POST coql', 'GET Invoices']);
  });

  test('one follow-up call per 100 records', async () => {
    const product = await Product.findOneOrFail({ where: { name: 'Licence' } });
    const invoices = Array.from({ length: 150 }, (_, i) => {
      const inv = Invoice.create({ subject: `Bulk ${i}` });
      inv.lines.push(new LineItem({ product: product.id!, quantity: 1 + (i % 5) }));
      return inv;
    });
    await Invoice.saveMany(invoices, { reload: false });
    await fx.clearLog();
    const found = await Invoice.find({ where: { subject: Like('Bulk%') }, order: { id: 'ASC' } });
    expect(found).toHaveLength(150);
    expect(found.every((inv, i) => inv.lines.length === 1 && inv.lines[0].quantity === 1 + (i % 5))).toBe(
      true,
    );
    const reads = (await fx.crmCalls()).filter((c) => c.path.startsWith('Invoices'));
    expect(reads).toHaveLength(2);
  });

  test('select opts out of the follow-up read', async () => {
    await fx.clearLog();
    const [invoice] = await Invoice.find({
      where: { grandTotal: MoreThan(0) },
      select: ['subject'],
      take: 1,
      order: { id: 'ASC' },
    });
    expect(invoice.subject).toBe('Q3 licences');
    expect((await fx.crmCalls()).map((c) => c.method)).toEqual(['POST']);
  });
});
