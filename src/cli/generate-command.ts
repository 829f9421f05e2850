import * as path from 'node:path';
import { Command } from 'commander';
import { cliIo, resolveCliPath } from './cli-io';
import { addConnectionOptions, ConnectionFlags } from './cli-config';
import { CliUsageError } from './cli-errors';
import { out } from './output';

interface GenerateFlags extends ConnectionFlags {
  modules?: string[];
  out: string;
  import: string;
  decoratorsImport?: string;
}

/**
 * `zcrm generate [--modules Leads,Invoices] [--out src/models]`: typed model classes from the org's field
 * metadata, one file per module plus an `index.ts`.
 */
export function registerGenerateCommand(program: Command): void {
  addConnectionOptions(
    program
      .command('generate')
      .description('generate typed model classes from the CRM field metadata (one file per module)')
      .option(
        '--modules <names>',
        'comma-separated module API names (default: every API-supported module)',
        list,
      )
      .option('--out <dir>', 'output directory', 'src/models')
      .option('--import <module>', 'module to import CrmRecord and the runtime types from', 'zcrm')
      .option(
        '--decorators-import <module>',
        'module to import the decorators from (default: <import>/decorators)',
      ),
  ).action(async (flags: GenerateFlags) => {
    const { withClient } = await import('./cli-client');
    const { generateModels } = await import('../codegen/generate-models');
    const { ValidationException } = await import('../errors/validation-exception');
    await withClient(flags, { needsUser: true }, async ({ client }) => {
      try {
        const result = await generateModels(client, {
          modules: flags.modules,
          outDir: resolveCliPath(flags.out),
          runtimeModule: flags.import,
          decoratorsModule: flags.decoratorsImport ?? `${flags.import}/decorators`,
        });
        const { cwd } = cliIo();
        for (const file of result.files) out.line(`wrote ${path.relative(cwd, file)}`);
        out.line(`wrote ${path.relative(cwd, result.index)}`);
        out.line(`${result.files.length} model(s) from metadata read at ${result.fetchedAt}`);
      } catch (err) {
        if (err instanceof ValidationException && err.statusCode === 0)
          throw new CliUsageError(err.errorMessage);
        throw err;
      }
    });
  });
}

function list(value: string): string[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new CliUsageError('--modules needs at least one module API name');
  return names;
}
