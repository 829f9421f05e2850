/**
 * Type tests: `npx tsc --noEmit -p .` (run in CI) checks this file. Each `@ts-expect-error` line must be
 * an error, or the type check fails; the `Equals` assertions pin the key sets. Jest runs the few
 * run-time checks at the end.
 */
import {
  Between,
  compileQuery,
  FindManyOptions,
  FindOptionsWhere,
  In,
  IsNull,
  Like,
  MoreThan,
  Not,
  QueryableKeys,
  SelectQueryBuilder,
} from './support/query-api';
import { Deal, Invoice, Lead } from './support/models';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

// Queryable keys: data properties, structured fields (line items, tags) and methods left out.
assertType<
  Equals<
    QueryableKeys<Invoice>,
    | 'subject'
    | 'status'
    | 'dueDate'
    | 'account'
    | 'grandTotal'
    | 'id'
    | 'createdTime'
    | 'modifiedTime'
    | 'owner'
    | 'createdBy'
    | 'modifiedBy'
  >
>();
assertType<Equals<'lines' extends QueryableKeys<Invoice> ? true : false, false>>();
assertType<Equals<'describe' extends QueryableKeys<Invoice> ? true : false, false>>();

// What compiles: the example and every kind of value.
const ok: FindManyOptions<Invoice> = {
  where: { status: In(['Created', 'Approved']), grandTotal: MoreThan(1000) },
  order: { createdTime: 'DESC' },
  take: 50,
};
const okValues: Array<FindOptionsWhere<Invoice> | FindOptionsWhere<Lead> | FindOptionsWhere<Deal>> = [
  { subject: 'Q3', status: 'Anything else' },
  { subject: Like('INV-%'), dueDate: '2024-09-30', grandTotal: Between(1, 2) },
  { account: '3652397000000624046' },
  { account: { id: '1' }, owner: In(['2', '3']) },
  { createdTime: MoreThan(new Date()), modifiedTime: Between(new Date(), '2024-01-01T00:00:00Z') },
  { subject: null, status: IsNull(), grandTotal: Not(IsNull()) },
  { hobbies: 'Golf' },
  {
    hobbies: ['Golf', 'Chess'],
    emailOptOut: Not(true),
    employees: Not(In([1, 2])),
  },
];

function misspelled(): void {
  compileQuery(Invoice, {
    where: {
      // @ts-expect-error misspelled field in where
      subjet: 'x',
    },
  });
  compileQuery(Invoice, {
    where: [
      { subject: 'x' },
      {
        // @ts-expect-error misspelled field in an OR alternative
        grandTotl: 1,
      },
    ],
  });
  compileQuery(Invoice, {
    order: {
      // @ts-expect-error misspelled field in order
      createdTim: 'DESC',
    },
  });
  compileQuery(Invoice, {
    // @ts-expect-error misspelled field in select
    select: ['subject', 'grand_total'],
  });
  compileQuery(Invoice, {
    order: {
      // @ts-expect-error bad direction
      subject: 'UP',
    },
  });
}

function notQueryable(): void {
  compileQuery(Invoice, {
    where: {
      // @ts-expect-error line items cannot be filtered
      lines: [],
    },
  });
  compileQuery(Invoice, {
    // @ts-expect-error methods are not fields
    select: ['describe'],
  });
  compileQuery(Invoice, {
    order: {
      // @ts-expect-error tags cannot be sorted on
      tags: 'ASC',
    },
  });
}

/** A where object of Invoice: errors are reported at the property that is wrong. */
const where = (w: FindOptionsWhere<Invoice>) => w;

function wrongValueTypes(): void {
  for (const w of [
    where({
      // @ts-expect-error a string for a number field
      grandTotal: '1000',
    }),
    where({
      // @ts-expect-error Like on a number field
      grandTotal: Like('1%'),
    }),
    where({
      // @ts-expect-error a number operator on a text field
      subject: MoreThan(5),
    }),
    where({
      // @ts-expect-error numbers in In on a picklist
      status: In([1, 2]),
    }),
    where({
      // @ts-expect-error a number for a date-time
      createdTime: MoreThan(5),
    }),
    where({
      // @ts-expect-error a number for a lookup
      account: 5,
    }),
    where({
      // @ts-expect-error Between of mixed types on a number field
      grandTotal: Between(1, 'x'),
    }),
  ]) {
    compileQuery(Invoice, { where: w });
  }
}

function builderTypes(): Array<() => unknown> {
  const q = new SelectQueryBuilder(Invoice, async () => [new Invoice()]);
  return [
    // @ts-expect-error misspelled field in orderBy
    () => q.orderBy('subjet').compile(),
    // @ts-expect-error misspelled field in select
    () => q.select(['status', 'stats']).compile(),
    () =>
      q
        .where({
          // @ts-expect-error misspelled field in where
          statu: 'x',
        })
        .compile(),
  ];
}

async function awaitedType(): Promise<void> {
  const invoices = await new SelectQueryBuilder(Invoice, async () => [new Invoice()]).take(1);
  assertType<Equals<typeof invoices, Invoice[]>>();
  void invoices;
}

describe('type-level checks (compiled by tsc)', () => {
  it('the options that type-check also compile at run time', () => {
    expect(compileQuery(Invoice, ok).backend).toBe('coql');
    for (const where of okValues.slice(0, 6))
      expect(() => compileQuery(Invoice, { where: where as never })).not.toThrow();
    for (const where of okValues.slice(6))
      expect(() => compileQuery(Lead, { where: where as never })).not.toThrow();
  });

  it('the misspelled options are refused at run time too', () => {
    for (const fn of [misspelled, notQueryable, wrongValueTypes]) expect(fn).toThrow();
    for (const fn of builderTypes()) expect(fn).toThrow();
    expect(
      new SelectQueryBuilder(Invoice)
        .andWhere({ grandTotal: MoreThan(1) })
        .orderBy('grandTotal', 'DESC')
        .addOrderBy('createdTime')
        .compile().backend,
    ).toBe('coql');
    expect(typeof awaitedType).toBe('function');
  });
});
