/**
 * RFC 4180 CSV, as Zoho's bulk files use it: comma-separated, fields quoted when they hold a comma,
 * a quote or a line break, quotes doubled inside quoted fields, CRLF between records.
 */

/** Serialises rows (the first is the header) into CSV text. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCell).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Thrown for text that is not well-formed CSV (an unterminated quote, text after a closing quote). */
export class CsvSyntaxError extends Error {}

/**
 * Parses CSV text into rows of cells. Accepts CRLF or LF line ends and a leading UTF-8 BOM; a trailing
 * line break does not add an empty row, and blank lines are dropped.
 */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRow = () => {
    endCell();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (input[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        quoted = false;
        afterQuote = true;
      }
    } else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRow();
    } else if (afterQuote) throw new CsvSyntaxError(`unexpected "${ch}" after a closing quote`);
    else if (ch === '"' && cell.length === 0) quoted = true;
    else cell += ch;
  }
  if (quoted) throw new CsvSyntaxError('unterminated quoted field');
  if (cell.length > 0 || row.length > 0 || afterQuote) endRow();
  return rows;
}
