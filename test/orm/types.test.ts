/**
 * Type tests of the model API: `npx tsc --noEmit -p .` checks this file. Each `@ts-expect-error` line must be
 * an error (or the type check fails), and the `Equals` assertions pin the inferred types: `Invoice.find()`
 * returns `Promise<Invoice[]>`, misspelled fields do not compile. Nothing here is sent: the calls sit in a
 * function that is never called; Jest only checks that the module loads.
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- values declared only for their inferred types */
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { CrmRecord, DeleteResult, LineItem, Ref, Repository, WriteResult } from '../../src/orm';
import { In, Like, MoreThan } from '../../src/query';
import type { SelectQueryBuilder } from '../../src/query';
import { Account, Deal, Invoice, Lead } from './support/models';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

export async function typeChecks(client: ZCRMRestClient, id: string): Promise<void> {
  // Static methods are typed by the model they are called on (polymorphic `this`).
  const found = Invoice.find({
    where: { status: In(['Created', 'Approved']), grandTotal: MoreThan(1000) },
    order: { createdTime: 'DESC' },
    take: 50,
  });
  assertType<Equals<typeof found, Promise<Invoice[]>>>();
  assertType<Equals<Awaited<ReturnType<typeof Lead.find<Lead>>>, Lead[]>>();
  assertType<Equals<Awaited<ReturnType<typeof Invoice.findOne<Invoice>>>, Invoice | null>>();
  const one = await Invoice.findOneBy({ subject: Like('INV-%') });
  assertType<Equals<typeof one, Invoice | null>>();
  const sure = await Invoice.findOneByOrFail({ id });
  assertType<Equals<typeof sure, Invoice>>();
  assertType<Equals<Awaited<ReturnType<typeof Invoice.findById<Invoice>>>, Invoice | null>>();
  assertType<Equals<Awaited<ReturnType<typeof Invoice.count<Invoice>>>, number>>();
  for await (const invoice of Invoice.iterate({ where: { status: 'Created' } })) {
    assertType<Equals<typeof invoice, Invoice>>();
  }
  const builder = Invoice.createQueryBuilder();
  assertType<Equals<typeof builder, SelectQueryBuilder<Invoice, Invoice>>>();
  assertType<Equals<Awaited<typeof builder>, Invoice[]>>();

  // create() takes the model's properties, typed.
  const invoice = Invoice.create({ subject: 'Q3 licences', account: Account.ref(id) });
  assertType<Equals<typeof invoice, Invoice>>();
  invoice.lines.push(
    new LineItem({
      product: id,
      quantity: 100,
      listPrice: 8,
      discount: '10%',
      taxes: [{ name: 'Vat', percentage: 5 }],
    }),
  );
  const saved = await invoice.save();
  assertType<Equals<typeof saved, Invoice>>();
  assertType<Equals<ReturnType<typeof Account.ref<Account>>, Ref<Account>>>();

  // Batch results carry the model type; `ok` narrows.
  const results = await Invoice.saveMany([invoice]);
  assertType<Equals<typeof results, WriteResult<Invoice>[]>>();
  for (const result of results) {
    if (result.ok) assertType<Equals<typeof result.id, string>>();
    else assertType<Equals<typeof result.code, string>>();
  }
  await Invoice.upsert([invoice], { duplicateCheckFields: ['subject'] });
  const deleted = await Invoice.deleteMany([invoice, id]);
  assertType<Equals<typeof deleted, DeleteResult<Invoice>[]>>();

  // Repositories on an explicit client have the same surface.
  const repository = Invoice.getRepository(client);
  assertType<Equals<typeof repository, Repository<Invoice>>>();
  assertType<Equals<Awaited<ReturnType<typeof repository.find>>, Invoice[]>>();
  assertType<Equals<ReturnType<typeof repository.create>, Invoice>>();
  const leads = new Repository(Lead, client);
  assertType<Equals<Awaited<ReturnType<typeof leads.findOneByOrFail>>, Lead>>();

  // relations: a loaded lookup holds the record itself; other lookups stay refs.
  const withAccounts = await Invoice.find({ relations: { account: true }, take: 10 });
  assertType<Equals<(typeof withAccounts)[number]['account'], Account | undefined>>();
  assertType<Equals<(typeof withAccounts)[number]['subject'], string>>();
  const firstWithAccount = await Invoice.findOne({ relations: { account: true } });
  if (firstWithAccount?.account) assertType<Equals<typeof firstWithAccount.account.name, string>>();
  for await (const deal of new Repository(Deal, client).iterate({ relations: { account: true } }))
    assertType<Equals<typeof deal.account, Account | undefined>>();
  const notLoaded = await Account.find({ relations: { parent: false } });
  assertType<Equals<typeof notLoaded, Account[]>>();
  await withAccounts[0]?.save();

  // ---- what must not compile ----
  // @ts-expect-error only lookups can be loaded as relations
  await Invoice.find({ relations: { subject: true } });
  // @ts-expect-error misspelled relation
  await Invoice.find({ relations: { acount: true } });
  // @ts-expect-error misspelled field in where
  await Invoice.find({ where: { subjct: 'x' } });
  // @ts-expect-error misspelled field in order
  await Invoice.find({ order: { createdTme: 'DESC' } });
  // @ts-expect-error misspelled field in select
  await Invoice.find({ select: ['subject', 'grandTotl'] });
  // @ts-expect-error line items cannot be filtered
  await Invoice.find({ where: { lines: [] } });
  // @ts-expect-error a pattern is no value of a number field
  await Invoice.find({ where: { grandTotal: Like('1%') } });
  // @ts-expect-error a number is no value of a text field
  await Invoice.findOneBy({ subject: 5 });
  // @ts-expect-error another model's field
  await Invoice.findBy({ lastName: 'Daly' });
  // @ts-expect-error misspelled property in create
  Invoice.create({ subjct: 'x' });
  // @ts-expect-error wrong property type in create
  Invoice.create({ subject: 42 });
  // @ts-expect-error a lookup to accounts does not take a lead reference
  invoice.account = Lead.ref(id);
  // @ts-expect-error the query builder checks property names
  Invoice.createQueryBuilder().orderBy('subjct');
  // @ts-expect-error the base class is not a model
  await CrmRecord.find();
  // @ts-expect-error a repository of invoices does not save leads
  await repository.save(Lead.create({ lastName: 'x' }));
  // @ts-expect-error results of one model are not another's
  const wrong: WriteResult<Lead>[] = await Invoice.saveMany([invoice]);
  void wrong;
}

test('the type checks above compile (tsc) and the module loads', () => {
  expect(typeof typeChecks).toBe('function');
});
