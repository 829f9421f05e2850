import { createWriteStream, renameSync, rmSync, WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ZCRMRestClient } from '../api/rest-client';
import { loadRuntimeModel, RuntimeField, RuntimeModel } from '../codegen/runtime-model';
import { ValidationException } from '../errors/validation-exception';
import { Repository } from '../orm/repository';
import type { CrmRecord } from '../orm/crm-record';
import { CliUsageError } from './cli-errors';
import { cliIo, resolveCliPath } from './cli-io';
import { csvLine } from './csv';
import type { Format } from './export-command';
import { createProgress, ProgressStream } from './progress';
import { csvValue, jsonValue } from './record-values';
import { parseWhere } from './where-json';

/** What to export. */
export interface ExportRequest {
  module: string;
  where?: string;
  fields?: string[];
  format: Format;
  /** A file, or `-` for stdout. */
  out: string;
  pageSize?: number;
  /** Where the progress bar goes (default stderr; shown only on a terminal). */
  progressStream?: ProgressStream;
}

/**
 * Streams the matching records to the file with back-pressure (one page in memory). The file appears only
 * when the export is complete: records go to `FILE.partial`, renamed at the end, removed on failure.
 */
export async function runExport(client: ZCRMRestClient, request: ExportRequest): Promise<{ count: number }> {
  const shape = await usage(() => loadRuntimeModel(client, request.module));
  const columns = chooseColumns(shape, request.fields);
  const where = request.where === undefined ? undefined : parseWhere(request.where, shape);
  const repository = new Repository(shape.model, client);
  const progress = createProgress(`export ${shape.module}`, request.progressStream);
  const options = {
    where: where as never,
    select: request.fields
      ? (columns.filter((c) => c.apiName !== 'id').map((c) => c.property) as never)
      : undefined,
    pageSize: request.pageSize,
  };

  const toStdout = request.out === '-';
  const target = toStdout ? undefined : resolveCliPath(request.out);
  const partial = target && `${target}.partial`;
  const stream: NodeJS.WritableStream = toStdout
    ? cliIo().stdout
    : createWriteStream(partial!, { flags: 'w' });
  let count = 0;
  try {
    // The total (for the bar's ETA) costs id-only reads, so only when someone is watching.
    const total = (request.progressStream ?? cliIo().stderr).isTTY
      ? await repository.count({ where: options.where })
      : undefined;
    progress.start(total);
    if (request.format === 'csv') await write(stream, csvLine(columns.map((c) => c.apiName)) + '\n');
    for await (const record of repository.iterate(options)) {
      await write(stream, line(record, columns, request.format));
      count++;
      progress.increment();
    }
    progress.stop();
    if (partial) {
      await close(stream as WriteStream);
      renameSync(partial, target);
    }
    return { count };
  } catch (err) {
    progress.stop();
    if (partial) {
      (stream as WriteStream).destroy();
      rmSync(partial, { force: true });
    }
    if (err instanceof Error)
      err.message = `${err.message} (after ${count} record(s); ${toStdout ? 'output incomplete' : `${request.out} not written`})`;
    throw err;
  }
}

/** `id` and the chosen fields (default: every field a query can read), checked against the module. */
function chooseColumns(shape: RuntimeModel, fields: string[] | undefined): RuntimeField[] {
  if (fields === undefined) return shape.fields.filter((f) => f.queryable);
  const columns: RuntimeField[] = [shape.byApiName.get('id')!];
  for (const name of fields) {
    const field = shape.byApiName.get(name);
    if (!field) {
      const near = [...shape.byApiName.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
      throw new CliUsageError(
        `--fields: ${shape.module} has no field "${name}"${near ? ` (did you mean "${near}"?)` : ''}`,
      );
    }
    if (!field.queryable) {
      throw new CliUsageError(
        `--fields: ${name} cannot be exported (Zoho's list and query APIs do not return it)`,
      );
    }
    if (!columns.includes(field)) columns.push(field);
  }
  return columns;
}

function line(record: CrmRecord, columns: RuntimeField[], format: Format): string {
  const values = columns.map((c) => (record as unknown as Record<string, unknown>)[c.property]);
  if (format === 'csv') return csvLine(values.map(csvValue)) + '\n';
  const json: Record<string, unknown> = {};
  columns.forEach((c, i) => (json[c.apiName] = jsonValue(values[i])));
  return JSON.stringify(json) + '\n';
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

/** Turns a bad module name (checked before any data is read) into a usage error. */
export async function usage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ValidationException && err.statusCode === 0) throw new CliUsageError(err.errorMessage);
    throw err;
  }
}
