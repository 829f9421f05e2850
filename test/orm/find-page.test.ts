/**
 * `findAndCount` (records plus the total) and `findPage` (opaque cursors for lists shown page by page),
 * against the emulator.
 */
import { ValidationException } from '../../src';
import { Like } from '../../src/query';
import { OrmFixture, startOrmEmulator } from './support/orm-emulator';
import { Lead } from './support/models';

let fx: OrmFixture;

beforeAll(async () => {
  fx = await startOrmEmulator();
  const leads = Array.from({ length: 25 }, (_, i) =>
    Lead.create({ lastName: `Page ${String(i).padStart(2, '0')}`, company: i % 2 ? 'Odd' : 'Even' }),
  );
  expect((await Lead.saveMany(leads)).every((r) => r.ok)).toBe(true);
});

afterAll(async () => {
  await fx.stop();
});

test('findAndCount returns the page asked for and the count of every match', async () => {
  const [records, total] = await Lead.findAndCount({
    where: { company: 'Odd' },
    take: 5,
    order: { lastName: 'ASC' },
  });
  expect(records.map((r) => r.lastName)).toEqual(['Page 01', 'Page 03', 'Page 05', 'Page 07', 'Page 09']);
  expect(total).toBe(12);
  const [all, count] = await Lead.findAndCount();
  expect(all).toHaveLength(25);
  expect(count).toBe(25);
});

test('findPage walks a list by cursor: every record once, no cursor after the last page', async () => {
  const where = { lastName: Like('Page %') };
  const seen: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await Lead.findPage({ where, order: { lastName: 'ASC' }, take: 10, cursor });
    sizes.push(page.items.length);
    seen.push(...page.items.map((l) => l.lastName));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  expect(sizes).toEqual([10, 10, 5]);
  expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `Page ${String(i).padStart(2, '0')}`));
});

test('a page of exactly take records at the end has no next cursor', async () => {
  const first = await Lead.findPage({ where: { company: 'Even' }, order: { lastName: 'ASC' }, take: 13 });
  expect(first.items).toHaveLength(13);
  expect(first.nextCursor).toBeUndefined();
});

test('a cursor of another query, or no cursor at all, is refused before any request', async () => {
  const { nextCursor } = await Lead.findPage({
    where: { company: 'Odd' },
    order: { lastName: 'ASC' },
    take: 5,
  });
  expect(nextCursor).toEqual(expect.any(String));
  await fx.clearLog();
  await expect(
    Lead.findPage({ where: { company: 'Even' }, order: { lastName: 'ASC' }, take: 5, cursor: nextCursor }),
  ).rejects.toThrow(
    new ValidationException({
      statusCode: 0,
      errorCode: 'INVALID_OPTION',
      errorMessage: 'cursor: belongs to a query with another where or order',
    }),
  );
  await expect(Lead.findPage({ take: 5, cursor: 'not-a-cursor' })).rejects.toThrow(
    'cursor: is not a cursor that findPage returned',
  );
  await expect(Lead.findPage({ take: 0 })).rejects.toThrow('take: must be a positive integer, got 0');
  expect(await fx.crmCalls()).toEqual([]);
});
