/** The CSV reader and writer of export/import: RFC 4180 quoting, any chunking, malformed rows reported. */
import fc from 'fast-check';
import { csvLine, CsvRow, parseCsv } from '../../src/cli/csv';

async function parse(chunks: string[]): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of parseCsv(chunks)) rows.push(row);
  return rows;
}

describe('csv', () => {
  it('reads quoted commas, doubled quotes, line breaks in cells, CRLF, a BOM; blank lines are not rows', async () => {
    const text = '\uFEFFa,b,c\r\n"1,5","say ""hi""","two\r\nlines"\r\n\r\n,,\nlast,"",x';
    expect(await parse([text])).toEqual([
      { cells: ['a', 'b', 'c'], line: 1, error: undefined },
      { cells: ['1,5', 'say "hi"', 'two\r\nlines'], line: 2, error: undefined },
      { cells: ['', '', ''], line: 5, error: undefined },
      { cells: ['last', '', 'x'], line: 6, error: undefined },
    ]);
  });

  it('gives the same rows however the text is cut into chunks', async () => {
    const text = 'id,name\n1,"a ""quoted"", name"\n2,"multi\nline"\n3,plain\n';
    const whole = await parse([text]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(await parse([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(await parse(text.split(''))).toEqual(whole);
  });

  it('reports stray and unterminated quotes on the row, and goes on with the next row', async () => {
    const rows = await parse(['a,b"c\n"x"y,z\nok,1\n"open,2\n']);
    expect(rows.map((r) => [r.line, r.error])).toEqual([
      [1, 'a quote inside the unquoted cell 2 (quote the whole cell and double the quote)'],
      [2, 'text after a closing quote in cell 1'],
      [3, undefined],
      [4, 'an unterminated quoted cell 1'],
    ]);
  });

  it('writes cells so that reading them back gives the same cells', async () => {
    expect(csvLine(['plain', 'a,b', 'q"q', ' pad', 'multi\nline', ''])).toBe(
      'plain,"a,b","q""q"," pad","multi\nline",',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        async (rows) => {
          const text = rows.map((cells) => csvLine(cells)).join('\n');
          expect((await parse([text])).map((r) => r.cells)).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});
