import { Command, Option } from 'commander';
import { addConnectionOptions, ConnectionFlags } from './cli-config';
import { CliUsageError } from './cli-errors';
import { out } from './output';

/** File formats of `zcrm export` and `zcrm import`. */
export const FORMATS = ['jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

interface ExportFlags extends ConnectionFlags {
  where?: string;
  fields?: string[];
  format?: Format;
  out: string;
  pageSize?: number;
}

/**
 * `zcrm export <Module> [--where JSON] [--fields …] --format jsonl|csv --out FILE`: streams every matching
 * record to a file, one page in memory at a time, through the ORM's `iterate` (list API, search or COQL,
 * past Zoho's 2,000-record wall).
 */
export function registerExportCommand(program: Command): void {
  addConnectionOptions(
    program
      .command('export')
      .description('write every matching record of a module to a JSON Lines or CSV file')
      .argument('<module>', 'module API name (Leads, Invoices, a custom module …)')
      .option(
        '--where <json>',
        'filter, keyed by field API names: {"Lead_Source":"Web","Annual_Revenue":{"$gt":1000}}',
      )
      .option(
        '--fields <names>',
        'comma-separated field API names to write (default: every readable field)',
        names,
      )
      .addOption(
        new Option('--format <format>', 'file format (default: from the --out extension)').choices([
          ...FORMATS,
        ]),
      )
      .requiredOption('--out <file>', 'file to write ("-" for stdout)')
      .option('--page-size <n>', "records per call (default: the ORM's)", positiveInteger),
  ).action(async (module: string, flags: ExportFlags) => {
    const format = flags.format ?? formatOf(flags.out);
    const { withClient } = await import('./cli-client');
    const { runExport } = await import('./run-export');
    await withClient(flags, { needsUser: true }, (session) =>
      runExport(session.client, {
        module,
        where: flags.where,
        fields: flags.fields,
        format,
        out: flags.out,
        pageSize: flags.pageSize,
      }).then((result) => {
        const summary = `exported ${result.count} record(s) of ${module} to ${flags.out === '-' ? 'stdout' : flags.out}`;
        if (flags.out === '-') out.note(summary);
        else out.line(summary);
      }),
    );
  });
}

/** The format a file name implies (`.jsonl`, `.ndjson`, `.csv`). */
export function formatOf(file: string): Format {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  throw new CliUsageError(`cannot tell the format of "${file}": give --format jsonl or --format csv`);
}

function names(value: string): string[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new CliUsageError('--fields needs at least one field API name');
  return list;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1)
    throw new CliUsageError(`expected a positive whole number, got "${value}"`);
  return n;
}
