import fc from 'fast-check';
import { buildQuery, compileCoql, compileSearch, CompiledQuery, In, Like } from './support/query-api';
import { Lead } from './support/models';
import { QueryFixture, startQueryEmulator } from './support/query-emulator';
import { GRAMMAR_TOKENS } from '../support/grammar-tokens';

/**
 * Any string survives the round trip through criteria escaping and through COQL quoting: a record is
 * created with the value in a text field, the value is compiled into a filter on that field, the query
 * runs on the emulator (one for all runs), and the record comes back, with nothing that does not match.
 */
let fx: QueryFixture;
beforeAll(async () => {
  fx = await startQueryEmulator();
});
afterAll(() => fx.emulator.stop());

/** Characters that mean something to one of the grammars, a newline, plus any code point. */
const SPECIAL = [...GRAMMAR_TOKENS, '\n'];
const char = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
/** Non-empty (Zoho stores an empty text as no value) and within the field's 255 characters. */
const value = fc.array(char, { minLength: 1, maxLength: 40 }).map((parts) => parts.join('').slice(0, 120));

let serial = 0;

async function createProbe(probe: string): Promise<string> {
  serial += 1;
  return fx.insert('Leads', { Last_Name: `Probe ${serial}`, Probe: probe });
}

/** Runs a query and checks that `id` is among its records and that every record satisfies `matches`. */
async function expectFound(
  query: CompiledQuery,
  id: string,
  matches: (probe: string) => boolean,
): Promise<void> {
  const records = await fx.run(query);
  expect(records.map((r) => r.id)).toContain(id);
  for (const record of records) expect(matches(String(record.Probe))).toBe(true);
}

const lower = (s: string) => s.toLowerCase();

it('equality and "in": criteria escaping and COQL quoting keep any string intact', async () => {
  await fc.assert(
    fc.asyncProperty(value, async (probe) => {
      const id = await createProbe(probe);
      const same = (stored: string) => lower(stored) === lower(probe);
      const equal = buildQuery(Lead, { select: ['probe'], where: { probe }, take: 200 });
      const anyOf = buildQuery(Lead, {
        select: ['probe'],
        where: { probe: In([probe, 'no such value']) },
        take: 200,
      });
      for (const node of [equal, anyOf]) {
        await expectFound(compileSearch(node), id, (stored) => same(stored) || stored === 'no such value');
        await expectFound(compileCoql(node), id, (stored) => same(stored) || stored === 'no such value');
      }
    }),
    { numRuns: 100 },
  );
});

it('prefix patterns: starts_with criteria and COQL like keep any prefix intact', async () => {
  const noPercent = value.filter((v) => !v.includes('%'));
  await fc.assert(
    fc.asyncProperty(noPercent, value, async (prefix, rest) => {
      const probe = (prefix + rest).slice(0, 200);
      const id = await createProbe(probe);
      const node = buildQuery(Lead, { select: ['probe'], where: { probe: Like(`${prefix}%`) }, take: 200 });
      const starts = (stored: string) => lower(stored).startsWith(lower(prefix));
      await expectFound(compileSearch(node), id, starts);
      await expectFound(compileCoql(node), id, starts);
    }),
    { numRuns: 50 },
  );
});
