import {
  In,
  Like,
  MoreThan,
  QueryCompileException,
  QueryNode,
  SelectQueryBuilder,
} from './support/query-api';
import { Invoice, Lead } from './support/models';

const SELECT = 'select Subject, Status from Invoices';

describe('SelectQueryBuilder', () => {
  const base = new SelectQueryBuilder(Invoice).select(['subject', 'status']);

  it('is immutable: every call returns a new builder and leaves the old one as it was', () => {
    const filtered = base.where({ status: 'Created' });
    const limited = filtered.take(5);
    expect(limited).not.toBe(filtered);
    expect(Object.isFrozen(limited)).toBe(true);
    expect(base.compile().text).toBe(
      'GET Invoices?fields=Subject%2CStatus&sort_order=asc&page=1&per_page=200',
    );
    expect(filtered.compile().text).toBe(`${SELECT} where Status = 'Created' limit 200`);
    expect(limited.compile().text).toBe('(Status:equals:Created)');
    expect(limited.compile().backend).toBe('search');
  });

  it('combines conditions: andWhere ANDs with what is there, orWhere ORs', () => {
    const q = base
      .where([{ status: 'Created' }, { status: 'Approved' }])
      .andWhere({ grandTotal: MoreThan(1000) })
      .orWhere({ subject: Like('Urgent%') });
    expect(q.compile().text).toBe(
      `${SELECT} where (((Status = 'Created' or Status = 'Approved') and Grand_Total > 1000) or Subject like 'Urgent%') limit 200`,
    );
    expect(base.andWhere({ status: 'Created' }).compile().text).toBe(
      `${SELECT} where Status = 'Created' limit 200`,
    );
    expect(base.orWhere({ status: 'Created' }).compile().text).toBe(
      `${SELECT} where Status = 'Created' limit 200`,
    );
  });

  it('orders: orderBy replaces, addOrderBy appends (moving a field already there to the end)', () => {
    const q = base
      .where({ status: In(['A']) })
      .orderBy('subject')
      .addOrderBy('createdTime', 'DESC')
      .addOrderBy('subject', 'desc');
    expect(q.compile().text).toBe(
      `${SELECT} where Status in ('A') order by Created_Time desc, Subject desc limit 200`,
    );
    expect(q.orderBy('status', 'ASC').compile().text).toBe(
      `${SELECT} where Status in ('A') order by Status asc limit 200`,
    );
  });

  it('takes and skips', () => {
    const q = base.where({ status: 'X' }).take(10).skip(20);
    expect(q.compile()).toMatchObject({
      backend: 'search',
      params: { page: 3, per_page: 10 },
      offset: 20,
      limit: 10,
    });
    expect(q.orderBy('subject').compile().text).toBe(
      `${SELECT} where Status = 'X' order by Subject asc limit 20, 10`,
    );
    expect(base.where({ status: 'X' }).compile({ pageSize: 1500 }).text).toBe(
      `${SELECT} where Status = 'X' limit 1500`,
    );
  });

  it('exposes the checked AST', () => {
    const node = base.where({ grandTotal: MoreThan(5) }).getNode();
    expect(node).toMatchObject({
      module: 'Invoices',
      modelName: 'Invoice',
      select: [{ apiName: 'Subject' }, { apiName: 'Status' }],
    });
    expect(() => base.where({ nope: 1 } as never).getNode()).toThrow(QueryCompileException);
  });

  it('runs through its executor when awaited', async () => {
    const seen: QueryNode[] = [];
    const executor = async (node: QueryNode) => {
      seen.push(node);
      return [Object.assign(new Lead(), { lastName: 'Daly' })];
    };
    const q = new SelectQueryBuilder(Lead, executor).where({ lastName: 'Daly' }).take(1);
    const leads = await q;
    expect(leads).toHaveLength(1);
    expect(leads[0]).toBeInstanceOf(Lead);
    expect(seen).toHaveLength(1);
    expect(seen[0].where).toMatchObject({ field: { apiName: 'Last_Name' }, operator: 'eq' });
    expect(await q.execute()).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });

  it('rejects, without calling the executor, a query that does not compile', async () => {
    const executor = jest.fn(async () => []);
    const q = new SelectQueryBuilder(Lead, executor).where({ lastName: MoreThan('a') });
    await expect(q).rejects.toThrow(/MoreThan cannot be used on a text field/);
    expect(executor).not.toHaveBeenCalled();
  });

  it('passes the executor’s failure on', async () => {
    const q = new SelectQueryBuilder(Lead, async () => {
      throw new Error('boom');
    });
    await expect(q).rejects.toThrow('boom');
  });

  it('refuses to run without an executor', async () => {
    await expect(new SelectQueryBuilder(Lead).take(1)).rejects.toThrow(QueryCompileException);
    await expect(new SelectQueryBuilder(Lead).execute()).rejects.toThrow(/has no executor/);
  });
});
