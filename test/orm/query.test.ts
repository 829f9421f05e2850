/**
 * Typed queries through the models, golden style: assert what `compile()` says will be sent (backend and
 * COQL / criteria / list text), then run the same query through the model against the emulator and check the
 * records. Also the awaitable, immutable query builder, and a property test: any string saved in a field is
 * found again by equality through search criteria and through COQL (escaping survives the round trip).
 */
import fc from 'fast-check';
import {
  Between,
  Equal,
  In,
  IsNull,
  LessThan,
  LessThanOrEqual,
  Like,
  MoreThan,
  MoreThanOrEqual,
  Not,
} from '../../src/query';
import { QueryCompileException } from '../../src/errors';
import { FindOptions, LineItem } from '../../src/orm';
import { OrmFixture, startOrmEmulator } from './support/orm-emulator';
import { Account, Deal, Invoice, Lead, Product } from './support/models';
import { GRAMMAR_TOKENS } from '../support/grammar-tokens';

let fx: OrmFixture;
const ids: Record<string, string> = {};

beforeAll(async () => {
  fx = await startOrmEmulator();
  const zylker = await Account.create({
    name: 'Zylker (EU), Inc',
    employees: 500,
    industry: 'Large Enterprise',
  }).save();
  const acme = await Account.create({ name: "Acme's", employees: 20 }).save();
  ids.zylker = zylker.id!;
  ids.acme = acme.id!;
  const product = await Product.create({ name: 'Licence', unitPrice: 10 }).save();
  const invoice = async (subject: string, status: string, quantity: number, account?: Account) => {
    const record = Invoice.create({
      subject,
      status,
      dueDate: '2024-09-30',
      account: account ? Account.ref(account.id!) : undefined,
    });
    record.lines.push(new LineItem({ product: product.id!, quantity }));
    await record.save();
    fx.emulator.advanceClock(60);
    return record;
  };
  await invoice('Q3 licences', 'Created', 200, zylker);
  await invoice('Small order', 'Approved', 50, acme);
  await invoice('Delivered order', 'Delivered', 500);
  await invoice('Big approved', 'Approved', 300, zylker);
  await Lead.saveMany([
    Lead.create({
      lastName: 'Burns',
      company: 'Zylker',
      annualRevenue: 250000,
      employees: 120,
      leadSource: 'Advertisement',
      emailOptOut: true,
    }),
    Lead.create({
      lastName: "O'Brien",
      company: "it's (a) test",
      annualRevenue: 1000,
      employees: 5,
      leadSource: 'Cold Call',
    }),
    Lead.create({ lastName: 'Nobody' }),
  ]);
  await Deal.saveMany([
    Deal.create({
      name: 'Big deal',
      stage: 'Closed Won',
      amount: 90000,
      closingDate: '2024-06-30',
      account: Account.ref(zylker.id!),
    }),
    Deal.create({
      name: 'Small deal',
      stage: 'Qualification',
      amount: 500,
      closingDate: '2024-01-15',
      account: Account.ref(acme.id!),
    }),
  ]);
});
afterAll(async () => fx?.stop());

describe('golden: compiled text, then the same query run through the model', () => {
  test("the issue's query: In + MoreThan, ordered, take → COQL", async () => {
    const options = {
      where: { status: In(['Created', 'Approved']), grandTotal: MoreThan(1000) },
      order: { createdTime: 'DESC' as const },
      take: 50,
    };
    const compiled = Invoice.compile(options);
    expect(compiled.backend).toBe('coql');
    expect(compiled.text).toBe(
      "select Subject, Status, Due_Date, Invoice_Date, Account_Name, Adjustment, Sub_Total, Grand_Total, Invoice_Number, Description, Owner, Created_Time, Modified_Time, Created_By, Modified_By from Invoices where (Status in ('Created', 'Approved') and Grand_Total > 1000) order by Created_Time desc limit 50",
    );
    const found = await Invoice.find(options);
    expect(found.map((i) => i.subject)).toEqual(['Big approved', 'Q3 licences']);
    expect(found[0]).toBeInstanceOf(Invoice);
    expect(found[0].grandTotal).toBe(3000);
    // COQL returns lookups as ids only; the line items come from a follow-up read by ids.
    expect(found[0].account).toMatchObject({ id: ids.zylker });
    expect(found[0].account?.name).toBeUndefined();
    expect(found[0].lines.map((l) => l.quantity)).toEqual([300]);
  });

  test('no filter → list API with fields, sort and page', async () => {
    const compiled = Account.compile({
      select: ['name', 'employees'],
      order: { employees: 'DESC' },
      take: 1,
    });
    expect(compiled.backend).toBe('list');
    expect(compiled.text).toBe(
      'GET Accounts?fields=Account_Name%2CEmployees&sort_by=Employees&sort_order=desc&page=1&per_page=1',
    );
    const [top] = await Account.find({
      select: ['name', 'employees'],
      order: { employees: 'DESC' },
      take: 1,
    });
    expect(top).toMatchObject({ name: 'Zylker (EU), Inc', employees: 500 });
  });

  test('bounded simple filters → search criteria, values escaped', async () => {
    const where = { name: 'Zylker (EU), Inc' };
    const compiled = Account.compile({ where, take: 10 });
    expect(compiled.backend).toBe('search');
    expect(compiled.text).toBe('(Account_Name:equals:Zylker \\(EU\\)\\, Inc)');
    expect((await Account.find({ where, take: 10 })).map((a) => a.id)).toEqual([ids.zylker]);
    const quoted = await Account.findOneBy({ name: "Acme's" });
    expect(quoted?.id).toBe(ids.acme);
  });

  test('OR of ANDs, fully bracketed', async () => {
    const where = [
      { leadSource: 'Advertisement', employees: MoreThanOrEqual(100) },
      { lastName: Like("O'%") },
    ];
    const compiled = Lead.compile({ where, order: { lastName: 'ASC' } });
    expect(compiled.text).toContain(
      "where ((Lead_Source = 'Advertisement' and No_of_Employees >= 100) or Last_Name like 'O''%')",
    );
    expect((await Lead.find({ where, order: { lastName: 'ASC' } })).map((l) => l.lastName)).toEqual([
      'Burns',
      "O'Brien",
    ]);
  });

  test('every operator against the emulator', async () => {
    const names = async (where: FindOptions<Lead>) =>
      (await Lead.find({ ...where, order: { lastName: 'ASC' } })).map((l) => l.lastName);
    expect(await names({ where: { lastName: Equal('Burns') } })).toEqual(['Burns']);
    expect(await names({ where: { lastName: Not('Burns') } })).toEqual(['Nobody', "O'Brien"]);
    expect(await names({ where: { leadSource: In(['Cold Call', 'Advertisement']) } })).toEqual([
      'Burns',
      "O'Brien",
    ]);
    const notIn = await names({ where: { leadSource: Not(In(['Cold Call'])) } });
    expect(notIn).toContain('Burns');
    expect(notIn).not.toContain("O'Brien");
    expect(await names({ where: { company: Like('%test') } })).toEqual(["O'Brien"]);
    expect(await names({ where: { company: Like('%(a)%') } })).toEqual(["O'Brien"]);
    expect(await names({ where: { company: Like('Zyl%') } })).toEqual(['Burns']);
    expect(await names({ where: { annualRevenue: Between(500, 5000) } })).toEqual(["O'Brien"]);
    expect(await names({ where: { annualRevenue: LessThan(1000) } })).toEqual([]);
    expect(await names({ where: { annualRevenue: LessThanOrEqual(1000) } })).toEqual(["O'Brien"]);
    expect(await names({ where: { company: IsNull() } })).toEqual(['Nobody']);
    expect(await names({ where: { company: null } })).toEqual(['Nobody']);
    expect(await names({ where: { company: Not(IsNull()) } })).toEqual(['Burns', "O'Brien"]);
    expect(await names({ where: { emailOptOut: true } })).toEqual(['Burns']);
  });

  test('lookups by ref, by record or by id; dates as strings', async () => {
    const zylker = (await Account.findById(ids.zylker))!;
    // A loaded record's `id` is optional in its type, hence the cast; at run time it is the id.
    for (const account of [Account.ref(ids.zylker), zylker as { id: string }, ids.zylker]) {
      const deals = await Deal.find({ where: { account }, take: 5 });
      expect(deals.map((d) => d.name)).toEqual(['Big deal']);
    }
    expect((await Deal.find({ where: { closingDate: MoreThan('2024-03-01') } })).map((d) => d.name)).toEqual([
      'Big deal',
    ]);
    expect(
      (await Deal.find({ where: { closingDate: Between('2024-01-01', '2024-01-31') } })).map((d) => d.name),
    ).toEqual(['Small deal']);
  });

  test('date-times compare as instants', async () => {
    const all = await Invoice.find({ order: { createdTime: 'ASC' } });
    const cut = all[2].createdTime!;
    const later = await Invoice.find({
      where: { createdTime: MoreThanOrEqual(cut) },
      order: { createdTime: 'ASC' },
    });
    expect(later.map((i) => i.subject)).toEqual(all.slice(2).map((i) => i.subject));
  });

  test('limits and bad queries fail before any request, naming the problem', async () => {
    await fx.clearLog();
    const many = Array.from({ length: 51 }, (_, i) => `S${i}`);
    await expect(
      Invoice.find({ where: { status: In(many) }, order: { subject: 'ASC' } }),
    ).rejects.toMatchObject({
      errorCode: 'QUERY_LIMIT_EXCEEDED',
      errorDetails: expect.objectContaining({ limit: 'COQL_IN_VALUES' }),
    });
    await expect(Invoice.find({ where: { subject: Like('a%b%') } })).rejects.toBeInstanceOf(
      QueryCompileException,
    );
    await expect(Lead.find({ where: { employees: 'many' as unknown as number } })).rejects.toThrow(
      /employees/,
    );
    await expect(Lead.find({ take: 0 })).rejects.toThrow(/take/);
    expect(await fx.crmCalls()).toEqual([]);
  });
});

describe('query builder', () => {
  test('immutable, compiles, and awaits to model instances', async () => {
    const base = Invoice.createQueryBuilder().where({ status: In(['Created', 'Approved']) });
    const ordered = base.orderBy('subject', 'ASC');
    const narrowed = ordered.andWhere({ grandTotal: MoreThan(1000) }).take(10);
    expect(base.compile().text).not.toContain('order by');
    expect(narrowed.compile().text).toContain(
      "where (Status in ('Created', 'Approved') and Grand_Total > 1000) order by Subject asc limit 10",
    );
    const result = await narrowed;
    expect(result.map((i) => i.subject)).toEqual(['Big approved', 'Q3 licences']);
    expect(result[0]).toBeInstanceOf(Invoice);
    expect((await ordered).map((i) => i.subject)).toEqual(['Big approved', 'Q3 licences', 'Small order']);
    const either = await Invoice.createQueryBuilder()
      .where({ subject: 'Small order' })
      .orWhere({ status: 'Delivered' })
      .orderBy('subject');
    expect(either.map((i) => i.subject)).toEqual(['Delivered order', 'Small order']);
  });

  test('a repository on an explicit client gives a builder on that client', async () => {
    const builder = Invoice.getRepository(fx.client)
      .createQueryBuilder()
      .select(['subject'])
      .where({ status: 'Delivered' })
      .orderBy('subject')
      .take(1);
    expect(builder.compile().text).toBe(
      "select Subject from Invoices where Status = 'Delivered' order by Subject asc limit 1",
    );
    const [only] = await builder;
    expect(only).toMatchObject({ subject: 'Delivered order' });
    // COQL read only the selected field.
    expect(only.status).toBeUndefined();
  });
});

describe('escaping: any string round-trips through criteria and COQL', () => {
  const SPECIAL = [...GRAMMAR_TOKENS, 'é', '☕'];
  const char = fc.oneof(
    fc.constantFrom(...SPECIAL),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  );
  const value = fc
    .array(char, { minLength: 1, maxLength: 30 })
    .map((parts) => parts.join('').slice(0, 150))
    .filter((s) => s.trim().length > 0 && s === s.trim());

  test('saved through the model, found again by equality with search and with COQL', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(value, async (company) => {
        n++;
        const lead = await Lead.create({ lastName: `Probe ${n}`, company }).save();
        const bySearch = await Lead.find({ where: { company }, take: 200 });
        expect(Lead.compile({ where: { company }, take: 200 }).backend).toBe('search');
        expect(bySearch.map((l) => l.id)).toContain(lead.id);
        const byCoql = await Lead.find({ where: { company }, order: { lastName: 'ASC' } });
        expect(byCoql.map((l) => l.id)).toContain(lead.id);
        for (const found of [...bySearch, ...byCoql])
          expect(found.company!.toLowerCase()).toBe(company.toLowerCase());
        expect((await Lead.findById(lead.id!))!.company).toBe(company);
      }),
      { numRuns: 60 },
    );
  });
});
