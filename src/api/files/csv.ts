/** CSV (RFC 4180): one row per record, `,` between cells, `"` around cells that need it, `""` for a quote. */

/** One CSV row as text (without the line break). */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

function csvCell(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A parsed row: its cells, the line it starts on, and what is wrong with it (a row is never silently repaired). */
export interface CsvRow {
  cells: string[];
  /** 1-based line number of the row's first line. */
  line: number;
  error?: string;
}

/**
 * Reads CSV rows from text chunks as they come (constant memory: one row at a time). Quoted cells may hold
 * commas, quotes (`""`) and line breaks. Blank lines are not rows. A row with a stray or unterminated quote
 * comes back with `error` set.
 */
export async function* parseCsv(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
): AsyncGenerator<CsvRow> {
  let cells: string[] = [];
  let cell = '';
  let state: 'start' | 'plain' | 'quoted' | 'quote' | 'closed' = 'start';
  let line = 1;
  let rowLine = 1;
  let error: string | undefined;
  let first = true;
  let touched = false;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    state = 'start';
  };
  const endRow = (): CsvRow | undefined => {
    endCell();
    const row = touched || cells.length > 1 || cells[0] !== '' ? { cells, line: rowLine, error } : undefined;
    cells = [];
    error = undefined;
    touched = false;
    return row;
  };

  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    for (const c of text) {
      if (state === 'quote') {
        // The quote just read either escapes this one or closed the cell.
        if (c === '"') {
          cell += '"';
          state = 'quoted';
          continue;
        }
        state = 'closed';
      }
      if (state === 'quoted') {
        if (c === '"') state = 'quote';
        else {
          if (c === '\n') line++;
          cell += c;
        }
        continue;
      }
      if (c === ',') {
        endCell();
        continue;
      }
      if (c === '\n') {
        const row = endRow();
        line++;
        rowLine = line;
        if (row) yield row;
        continue;
      }
      if (c === '\r') continue;
      if (state === 'closed') {
        error ??= `text after a closing quote in cell ${cells.length + 1}`;
        cell += c;
        continue;
      }
      if (c === '"') {
        if (state === 'start') {
          state = 'quoted';
          touched = true;
          continue;
        }
        error ??= `a quote inside the unquoted cell ${cells.length + 1} (quote the whole cell and double the quote)`;
      }
      state = 'plain';
      cell += c;
    }
  }
  if (state === 'quoted') error ??= `an unterminated quoted cell ${cells.length + 1}`;
  const row = endRow();
  if (row) yield row;
}
