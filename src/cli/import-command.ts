import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { addConnectionOptions, ConnectionFlags } from './cli-config';
import { CliFailure, CliUsageError } from './cli-errors';
import { resolveCliPath } from './cli-io';
import { Format, FORMATS, formatOf, positiveInteger } from './export-command';
import { out } from './output';

interface ImportFlags extends ConnectionFlags {
  upsert?: string[];
  dryRun?: boolean;
  format?: Format;
  results?: string;
  unknownRows?: string;
  concurrency?: number;
}

/**
 * `zcrm import <Module> FILE [--upsert Email] [--dry-run]`: inserts (or updates, for rows with an `id`, or
 * upserts) the file's records through the ORM's `saveMany`/`upsert`, 100 per call, and writes one result line
 * per input row; rows whose write's answer was lost unresolved are also copied to the unknown-rows file, whose
 * path is printed. Exits 1 when any row failed or is unknown.
 */
export function registerImportCommand(program: Command): void {
  addConnectionOptions(
    program
      .command('import')
      .description(
        'insert, update or upsert the records of a JSON Lines or CSV file, with a result line per row',
      )
      .argument('<module>', 'module API name')
      .argument('<file>', 'JSON Lines (.jsonl) or CSV (.csv) file whose keys or header are field API names')
      .option(
        '--upsert <fields>',
        'upsert, matching existing records by these field API names (comma-separated)',
        list,
      )
      .option('--dry-run', 'check every row and write the results, but send nothing')
      .addOption(
        new Option('--format <format>', 'file format (default: from the file extension)').choices([
          ...FORMATS,
        ]),
      )
      .option('--results <file>', 'result file, one JSON line per input row (default: <file>.results.jsonl)')
      .option(
        '--unknown-rows <file>',
        'where rows whose outcome is unknown (answer lost) are copied (default: <file>.unknown.csv or .jsonl)',
      )
      .option('--concurrency <n>', 'write calls in flight at once (default 10)', positiveInteger),
  ).action(async (module: string, given: string, flags: ImportFlags) => {
    const format = flags.format ?? formatOf(given);
    const file = resolveCliPath(given);
    if (!existsSync(file)) throw new CliUsageError(`no such file: ${given}`);
    const results = resolveCliPath(flags.results ?? `${given}.results.jsonl`);
    const { withClient } = await import('./cli-client');
    const { runImport } = await import('./run-import');
    await withClient(flags, { needsUser: true }, async ({ client }) => {
      const summary = await runImport(client, {
        module,
        file,
        format,
        upsert: flags.upsert,
        dryRun: flags.dryRun,
        results,
        unknownRows: flags.unknownRows,
        concurrency: flags.concurrency,
      });
      if (summary.ignored.length > 0) out.note(`read-only fields not sent: ${summary.ignored.join(', ')}`);
      const counts = flags.dryRun
        ? `${summary.valid} valid, ${summary.failed} invalid (dry run: nothing sent)`
        : `${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
          `${summary.failed} failed${summary.unknown > 0 ? `, ${summary.unknown} unknown` : ''}` +
          `${summary.skipped > 0 ? `, ${summary.skipped} skipped` : ''}`;
      out.line(`${summary.rows} row(s) of ${module}: ${counts}; results in ${results}`);
      if (summary.unknownRowsFile) {
        out.line(
          `${summary.unknown} row(s) may or may not have been stored (their answer was lost): ${summary.unknownRowsFile}`,
        );
      }
      const bad = summary.failed + summary.skipped + summary.unknown;
      if (bad > 0) throw new CliFailure(`${bad} of ${summary.rows} row(s) were not imported; see ${results}`);
    });
  });
}

function list(value: string): string[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new CliUsageError('--upsert needs at least one field API name');
  return names;
}
