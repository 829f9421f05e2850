import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { ZCRMRestClient } from '../api/rest-client';
import { loadRuntimeModel, RuntimeModel } from '../codegen/runtime-model';
import { AuthenticationException } from '../errors/authentication-exception';
import { OutcomeUnknownException } from '../errors/outcome-unknown-exception';
import { ZCRMException } from '../errors/zcrm-exception';
import type { CrmRecord } from '../orm/crm-record';
import { getMapping } from '../orm/mapping/model-mapping';
import { Repository } from '../orm/repository';
import { prepareWrite } from '../orm/write/prepare-write';
import type { WriteResult } from '../orm/write/write-result';
import type { DuplicateCheckField } from '../orm/write/write-options';
import { cliIo } from './cli-io';
import { CliUsageError } from './cli-errors';
import { csvLine, parseCsv } from './csv';
import type { Format } from './export-command';
import { createProgress, ProgressStream } from './progress';
import { importValue } from './record-values';
import { usage } from './run-export';

/** What to import. */
export interface ImportRequest {
  module: string;
  file: string;
  format: Format;
  /** Field API names Zoho matches existing records by: `upsert` instead of insert/update. */
  upsert?: string[];
  /** Check every row (values, the ORM's validation) and write the results; send nothing. */
  dryRun?: boolean;
  /** The result file: one JSON line per input row. */
  results: string;
  /**
   * Where rows whose outcome is unknown go (their write's answer was lost and they could not be matched by a
   * unique value), in the input's format, so they can be checked and imported again; written only when there
   * are such rows. Default: {@link unknownRowsFile}.
   */
  unknownRows?: string;
  /** Write calls in flight at once (the ORM's default when omitted). */
  concurrency?: number;
  progressStream?: ProgressStream;
}

/** What an import did. */
export interface ImportSummary {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows a dry run found valid. */
  valid: number;
  failed: number;
  /** Rows whose write may or may not have been stored (copied to `unknownRowsFile`). */
  unknown: number;
  /** The file the unknown rows were written to, when there were any. */
  unknownRowsFile?: string;
  /** Rows not sent because the import stopped (the reason is in each one's result line). */
  skipped: number;
  /** Read-only fields present in the input, which are never sent. */
  ignored: string[];
}

/** One input row, read and checked. */
interface Row {
  row: number;
  line: number;
  /** The row as it was in the file (a CSV line re-encoded, or the JSON line). */
  source: string;
  record?: CrmRecord;
  error?: string;
}

/** One line of the result file. */
type ResultLine =
  | { row: number; line: number; status: 'inserted' | 'updated' | 'unchanged'; id: string }
  | { row: number; line: number; status: 'valid'; action: string }
  | { row: number; line: number; status: 'failed'; code: string; error: string }
  | { row: number; line: number; status: 'unknown'; code: string; error: string }
  | { row: number; line: number; status: 'skipped'; error: string };

/** Rows read before each write round: five of Zoho's 100-record calls, so memory stays bounded. */
const WINDOW = 500;

/**
 * Reads the file row by row, turns each row into a record of the module's runtime model, and sends them in
 * rounds through the ORM's `saveMany` (or `upsert`): 100 records per call, one result per row. A row that
 * cannot be read or converted is reported and not sent (never sent in part); every row gets one line in the
 * result file, in input order.
 */
export async function runImport(client: ZCRMRestClient, request: ImportRequest): Promise<ImportSummary> {
  const shape = await usage(() => loadRuntimeModel(client, request.module));
  const repository = new Repository(shape.model, client);
  const duplicateCheckFields = request.upsert?.map((name) => {
    const field = shape.byApiName.get(name);
    if (!field) throw new CliUsageError(`--upsert: ${shape.module} has no field "${name}"`);
    return field.apiName;
  });
  const summary: ImportSummary = {
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    valid: 0,
    failed: 0,
    unknown: 0,
    skipped: 0,
    ignored: [],
  };
  const unknownRows = new UnknownRows(request.unknownRows ?? unknownRowsFile(request.file, request.format));
  const ignored = new Set<string>();

  const progress = createProgress(`import ${shape.module}`, request.progressStream);
  const watching = (request.progressStream ?? cliIo().stderr).isTTY === true;
  // Rows are counted first (a quick read of the file) only when a bar shows them.
  const total = watching ? await countRows(request) : undefined;

  const rows = readRows(request, shape, repository, ignored, (header) => unknownRows.setHeader(header));
  // The header of a CSV file is checked before anything is sent or written.
  const first = await rows.next();
  const results = createWriteStream(request.results, { flags: 'w' });
  let stopped: string | undefined;
  try {
    progress.start(total);
    let window: Row[] = first.done ? [] : [first.value];
    const flush = async () => {
      const lines = await writeRound(window);
      for (const [i, line] of lines.entries()) {
        count(summary, line);
        await write(results, JSON.stringify(line) + '\n');
        if (line.status === 'unknown') await unknownRows.add(window[i].source);
      }
      progress.increment(window.length);
      window = [];
    };
    const writeRound = async (round: Row[]): Promise<ResultLine[]> => {
      if (stopped !== undefined) {
        return round.map((r) =>
          r.error !== undefined
            ? { row: r.row, line: r.line, status: 'failed', code: 'INVALID_ROW', error: r.error }
            : { row: r.row, line: r.line, status: 'skipped', error: stopped! },
        );
      }
      const records = round.flatMap((r) => (r.record ? [r.record] : []));
      const outcomes = request.dryRun
        ? await dryRun(records, shape, duplicateCheckFields !== undefined)
        : await send(repository, records, duplicateCheckFields, request.concurrency);
      const byRecord = new Map(records.map((record, i) => [record, outcomes[i]]));
      return round.map((r) => {
        if (r.error !== undefined || !r.record)
          return { row: r.row, line: r.line, status: 'failed', code: 'INVALID_ROW', error: r.error ?? '' };
        const outcome = byRecord.get(r.record)!;
        if (outcome.kind === 'valid')
          return { row: r.row, line: r.line, status: 'valid', action: outcome.action };
        const result = outcome.result;
        if (result.ok) {
          const status =
            result.action === 'insert' ? 'inserted' : result.action === 'update' ? 'updated' : 'unchanged';
          return { row: r.row, line: r.line, status, id: result.id };
        }
        if (result.error instanceof OutcomeUnknownException) {
          return { row: r.row, line: r.line, status: 'unknown', code: result.code, error: result.message };
        }
        if (result.error instanceof AuthenticationException && stopped === undefined) {
          stopped = `not sent: the import stopped when Zoho refused the credentials (${result.code})`;
        }
        return { row: r.row, line: r.line, status: 'failed', code: result.code, error: result.message };
      });
    };
    for (;;) {
      const next = await rows.next();
      if (next.done) break;
      window.push(next.value);
      if (window.length >= WINDOW) await flush();
    }
    if (window.length > 0) await flush();
  } finally {
    progress.stop();
    await close(results);
    await unknownRows.close();
  }
  summary.ignored = [...ignored];
  if (summary.unknown > 0) summary.unknownRowsFile = unknownRows.file;
  return summary;
}

type Outcome = { kind: 'sent'; result: WriteResult<CrmRecord> } | { kind: 'valid'; action: string };

async function send(
  repository: Repository<CrmRecord>,
  records: CrmRecord[],
  duplicateCheckFields: string[] | undefined,
  concurrency: number | undefined,
): Promise<Outcome[]> {
  if (records.length === 0) return [];
  const options = { chunkSize: 100, ...(concurrency ? { concurrency } : {}) };
  const results = duplicateCheckFields
    ? // Names from the command line: the repository checks them against the model.
      await repository.upsert(records, {
        ...options,
        duplicateCheckFields: duplicateCheckFields as DuplicateCheckField<CrmRecord>[],
      })
    : await repository.saveMany(records, options);
  return results.map((result) => ({ kind: 'sent', result }));
}

/** The ORM's own preparation of each write (values, class-validator), without sending anything. */
async function dryRun(records: CrmRecord[], shape: RuntimeModel, upsert: boolean): Promise<Outcome[]> {
  const mapping = getMapping(shape.model);
  const out: Outcome[] = [];
  for (const [i, record] of records.entries()) {
    const prepared = await prepareWrite(record, mapping, upsert ? 'upsert' : 'save', i);
    if (prepared instanceof ZCRMException) {
      out.push({
        kind: 'sent',
        result: {
          ok: false,
          index: i,
          record,
          error: prepared,
          code: prepared.errorCode,
          message: prepared.errorMessage,
        },
      });
    } else out.push({ kind: 'valid', action: prepared.kind });
  }
  return out;
}

function count(summary: ImportSummary, line: ResultLine): void {
  summary.rows++;
  switch (line.status) {
    case 'inserted':
      summary.inserted++;
      break;
    case 'updated':
      summary.updated++;
      break;
    case 'unchanged':
      summary.unchanged++;
      break;
    case 'valid':
      summary.valid++;
      break;
    case 'failed':
      summary.failed++;
      break;
    case 'unknown':
      summary.unknown++;
      break;
    case 'skipped':
      summary.skipped++;
      break;
  }
}

/** The file's rows as records (or the reason a row cannot be one). */
async function* readRows(
  request: ImportRequest,
  shape: RuntimeModel,
  repository: Repository<CrmRecord>,
  ignored: Set<string>,
  onHeader: (header: string) => void,
): AsyncGenerator<Row> {
  let row = 0;
  if (request.format === 'csv') {
    let header: string[] | undefined;
    for await (const parsed of parseCsv(createReadStream(request.file))) {
      if (!header) {
        if (parsed.error)
          throw new CliUsageError(`${request.file}: the header row is malformed: ${parsed.error}`);
        header = checkHeader(parsed.cells, shape, request.file);
        onHeader(csvLine(header));
        continue;
      }
      row++;
      const source = csvLine(parsed.cells);
      if (parsed.error) {
        yield { row, line: parsed.line, source, error: `malformed CSV: ${parsed.error}` };
      } else if (parsed.cells.length !== header.length) {
        yield {
          row,
          line: parsed.line,
          source,
          error: `malformed CSV: ${parsed.cells.length} cell(s) where the header has ${header.length}`,
        };
      } else {
        const values: Record<string, unknown> = {};
        header.forEach((name, i) => (values[name] = parsed.cells[i]));
        yield { row, line: parsed.line, source, ...toRecord(values, shape, repository, true, ignored) };
      }
    }
    if (!header)
      throw new CliUsageError(`${request.file} is empty: a CSV import needs a header row of field API names`);
    return;
  }
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(request.file), crlfDelay: Infinity })) {
    line++;
    // A byte-order mark some editors put first is not part of the JSON.
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    row++;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      yield {
        row,
        line,
        source: text,
        error: `malformed JSON: ${err instanceof Error ? err.message : String(err)}`,
      };
      continue;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      yield {
        row,
        line,
        source: text,
        error: 'malformed row: each line must be one JSON object of field API names',
      };
      continue;
    }
    yield {
      row,
      line,
      source: text,
      ...toRecord(json as Record<string, unknown>, shape, repository, false, ignored),
    };
  }
}

function checkHeader(cells: string[], shape: RuntimeModel, file: string): string[] {
  const seen = new Set<string>();
  for (const cell of cells) {
    if (!shape.byApiName.has(cell)) {
      const near = [...shape.byApiName.keys()].find((k) => k.toLowerCase() === cell.toLowerCase());
      throw new CliUsageError(
        `${file}: column "${cell}" is not a field of ${shape.module}${near ? ` (did you mean "${near}"?)` : ''}`,
      );
    }
    if (seen.has(cell)) throw new CliUsageError(`${file}: column "${cell}" appears twice`);
    seen.add(cell);
  }
  return cells;
}

/** A record from one row's values, or every problem of the row (the row is then not sent at all). */
function toRecord(
  values: Record<string, unknown>,
  shape: RuntimeModel,
  repository: Repository<CrmRecord>,
  fromCsv: boolean,
  ignored: Set<string>,
): { record?: CrmRecord; error?: string } {
  const properties: Record<string, unknown> = {};
  const problems: string[] = [];
  let id: string | undefined;
  for (const [name, raw] of Object.entries(values)) {
    const field = shape.byApiName.get(name);
    if (!field) {
      problems.push(`${name}: not a field of ${shape.module}`);
      continue;
    }
    if (field.apiName === 'id') {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a CSV cell or JSON scalar; an object id fails the check below
      const text = raw === null || raw === undefined ? '' : String(raw).trim();
      if (text === '') continue;
      if (!/^\d+$/.test(text)) problems.push(`id: expects a record id, got ${JSON.stringify(text)}`);
      else id = text;
      continue;
    }
    if (field.readonly) {
      ignored.add(field.apiName);
      continue;
    }
    const value = importValue(field, raw, fromCsv);
    if ('error' in value) problems.push(value.error);
    else if ('value' in value) properties[field.property] = value.value;
  }
  if (problems.length > 0) return { error: problems.join('; ') };
  const record = repository.create(properties);
  if (id !== undefined) record.id = id;
  return { record };
}

async function countRows(request: ImportRequest): Promise<number> {
  let rows = 0;
  if (request.format === 'csv') {
    for await (const row of parseCsv(createReadStream(request.file))) {
      void row;
      rows++;
    }
    return Math.max(0, rows - 1);
  }
  for await (const text of createInterface({ input: createReadStream(request.file), crlfDelay: Infinity })) {
    if (text.trim() !== '') rows++;
  }
  return rows;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  await new Promise<void>((resolve, reject) =>
    stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

/** The default file for rows whose outcome is unknown: `<input>.unknown.csv` or `<input>.unknown.jsonl`. */
export function unknownRowsFile(input: string, format: Format): string {
  return `${input}.unknown.${format === 'csv' ? 'csv' : 'jsonl'}`;
}

/**
 * The rows whose outcome is unknown, copied as they were in the input (a CSV file gets the header first), so
 * the file can be checked against the org and imported again. The file is created with the first such row.
 */
class UnknownRows {
  private stream: WriteStream | undefined;
  private header: string | undefined;

  constructor(readonly file: string) {}

  setHeader(header: string): void {
    this.header = header;
  }

  async add(source: string): Promise<void> {
    if (!this.stream) {
      this.stream = createWriteStream(this.file, { flags: 'w' });
      if (this.header !== undefined) await write(this.stream, this.header + '\n');
    }
    await write(this.stream, source + '\n');
  }

  async close(): Promise<void> {
    if (this.stream) await close(this.stream);
  }
}
