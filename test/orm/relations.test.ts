/**
 * `relations`: lookups loaded with the records, batched by id (`GET /Accounts?ids=…`, 100 ids per call)
 * instead of one call per record, counted in the emulator's request log.
 */
import { getChanges, LineItem, ValidationException } from '../../src';
import { OrmFixture, startOrmEmulator } from './support/orm-emulator';
import { Account, Invoice, Product } from './support/models';

let fx: OrmFixture;
const accounts: Account[] = [];

beforeAll(async () => {
  fx = await startOrmEmulator();
  const made = await Account.saveMany(
    Array.from({ length: 150 }, (_, i) => Account.create({ name: `Account ${i}`, employees: i })),
  );
  expect(made.every((r) => r.ok)).toBe(true);
  accounts.push(...made.map((r) => r.record));
  const product = await Product.create({ name: 'Licence', unitPrice: 10 }).save();
  // 200 invoices over the 150 accounts (some share one), and one without an account.
  const invoices = Array.from({ length: 200 }, (_, i) => {
    const invoice = Invoice.create({ subject: `INV-${i}`, account: Account.ref(accounts[i % 150].id!) });
    invoice.lines.push(new LineItem({ product: product.id!, quantity: 1 }));
    return invoice;
  });
  invoices[199].account = undefined;
  expect((await Invoice.saveMany(invoices)).every((r) => r.ok)).toBe(true);
}, 60_000);

afterAll(async () => {
  await fx.stop();
});

test('find with relations reads every referenced account in ⌈distinct/100⌉ calls, not one per invoice', async () => {
  await fx.clearLog();
  const invoices = await Invoice.find({ relations: { account: true } });
  const calls = await fx.crmCalls();
  expect(invoices).toHaveLength(200);
  // One list call for the invoices, two for the 150 distinct accounts (100 + 50 ids).
  expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET Invoices', 'GET Accounts', 'GET Accounts']);
  for (const invoice of invoices.slice(0, 199)) {
    expect(invoice.account).toBeInstanceOf(Account);
    const index = Number(invoice.subject.slice(4)) % 150;
    expect(invoice.account!.id).toBe(accounts[index].id);
    expect(invoice.account!.name).toBe(`Account ${index}`);
  }
  expect(invoices.find((i) => i.subject === 'INV-199')!.account).toBeUndefined();
});

test('a record read with relations saves without sending the loaded lookup', async () => {
  const invoice = (await Invoice.findOne({ where: { subject: 'INV-3' }, relations: { account: true } }))!;
  expect(invoice.account?.name).toBe('Account 3');
  expect(getChanges(invoice)).toEqual({});
  invoice.description = 'with its account';
  expect(getChanges(invoice)).toEqual({ Description: 'with its account' });
  await invoice.save();
  const reread = await Invoice.findByIdOrFail(invoice.id!);
  expect(reread.account?.id).toBe(accounts[3].id);
  expect(reread.description).toBe('with its account');
});

test('iterate loads relations a page at a time; findOne loads them for its record', async () => {
  await fx.clearLog();
  let seen = 0;
  for await (const invoice of Invoice.iterate({ relations: { account: true }, pageSize: 100 })) {
    if (invoice.subject !== 'INV-199') expect(invoice.account).toBeInstanceOf(Account);
    seen++;
  }
  expect(seen).toBe(200);
  const calls = (await fx.crmCalls()).map((c) => `${c.method} ${c.path}`);
  // Each page of 100 invoices names 100 distinct accounts at most: one ids call per page.
  expect(calls).toEqual(['GET Invoices', 'GET Accounts', 'GET Invoices', 'GET Accounts']);
});

test('relations naming no lookup fail before any request', async () => {
  await fx.clearLog();
  await expect(Invoice.find({ relations: { subject: true } as never })).rejects.toThrow(
    new ValidationException({
      statusCode: 0,
      errorCode: 'INVALID_OPTION',
      errorMessage: 'relations: Invoice.subject cannot be loaded: it is not a lookup to a model',
    }),
  );
  await expect(Invoice.find({ relations: { acount: true } as never })).rejects.toThrow(/no such property/);
  expect(await fx.crmCalls()).toEqual([]);
});
