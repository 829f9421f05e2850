/**
 * Type tests of the model API: `npx tsc --noEmit -p .` checks this file. Each `@ts-expect-error` line must be
 * an error (or the type check fails), and the `Equals` assertions pin the inferred types: `Invoice.find()`
 * returns `Promise<Invoice[]>`, misspelled fields do not compile. Nothing here is sent: the calls sit in a
 * function that is never called. The tests at the end run the same check through the TypeScript compiler, so
 * `jest` catches a broken type too.
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- values declared only for their inferred types */
import * as path from 'node:path';
import ts from 'typescript';
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
  await Invoice.upsert([invoice], { duplicateCheckFields: ['Subject', 'status'] });
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

  // select narrows the records to the selected properties (and the id); methods stay.
  const subjects = await Invoice.find({ select: ['subject', 'status'], take: 5 });
  assertType<Equals<(typeof subjects)[number]['subject'], string>>();
  assertType<Equals<(typeof subjects)[number]['id'], string | undefined>>();
  await subjects[0]?.save();
  const [counted, total] = await Invoice.findAndCount({
    where: { status: 'Created' },
    select: ['subject'],
    take: 5,
  });
  assertType<Equals<typeof total, number>>();
  assertType<Equals<(typeof counted)[number]['subject'], string>>();
  const page = await Invoice.findPage({ take: 20, order: { id: 'ASC' }, relations: { account: true } });
  assertType<Equals<(typeof page.items)[number]['account'], Account | undefined>>();
  assertType<Equals<typeof page.nextCursor, string | undefined>>();
  const selectedWithAccount = await Invoice.find({ select: ['subject'], relations: { account: true } });
  assertType<Equals<(typeof selectedWithAccount)[number]['account'], Account | undefined>>();

  // ---- what must not compile ----
  // @ts-expect-error a property that was not selected is not on the record
  void subjects[0]?.grandTotal;
  // @ts-expect-error nor on a counted or paged record
  void counted[0]?.status;
  // @ts-expect-error misspelled property in duplicateCheckFields
  await Invoice.upsert([invoice], { duplicateCheckFields: ['subjct'] });
  // @ts-expect-error line items cannot be a duplicate check field
  await Invoice.upsert([invoice], { duplicateCheckFields: ['lines'] });
  // @ts-expect-error another model's property
  await Invoice.upsert([invoice], { duplicateCheckFields: ['lastName'] });
  // @ts-expect-error findPage needs a page size
  await Invoice.findPage({ cursor: 'x' });
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

let previous: ts.Program | undefined;

/** TypeScript's diagnostics for this file, compiled with the project's options (optionally with its text changed). */
function diagnosticsOfThisFile(change: (text: string) => string = (text) => text): string[] {
  const configFile = ts.readConfigFile(path.resolve(__dirname, '../../tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(
    configFile.config,
    ts.sys,
    path.resolve(__dirname, '../..'),
  );
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = readFile(file);
    return text !== undefined && path.resolve(file) === __filename ? change(text) : text;
  };
  // The second compile reuses the first's unchanged files (everything but this one).
  const program = ts.createProgram([__filename], { ...options, noEmit: true }, host, previous);
  previous = program;
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(__filename))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('model types', () => {
  it('every type assertion holds and every @ts-expect-error line is an error', () => {
    expect(diagnosticsOfThisFile()).toEqual([]);
  });

  it('a line that should not compile and is no longer marked fails the check', () => {
    const unmarked = diagnosticsOfThisFile((text) =>
      text.replace('// @ts-expect-error misspelled field in where\n', ''),
    );
    expect(unmarked).toEqual([expect.stringContaining("'subjct'")]);
  });

  it('the models behind the types behave as typed', () => {
    const invoice = Invoice.create({ subject: 'INV-1' });
    expect(invoice).toBeInstanceOf(Invoice);
    expect(invoice.subject).toBe('INV-1');
    const ref = Lead.ref('4150868000001');
    expect(ref).toBeInstanceOf(Ref);
    expect(ref.id).toBe('4150868000001');
    expect(new LineItem({ product: '4150868000002', quantity: 2 }).product).toBeInstanceOf(Ref);
  });
});
