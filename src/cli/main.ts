#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerEmulatorCommand } from './emulator-command';
import { registerAuthCommand } from './auth-command';
import { registerWhoamiCommand } from './whoami-command';
import { registerGenerateCommand } from './generate-command';
import { registerCheckCommand } from './check-command';
import { registerExportCommand } from './export-command';
import { registerImportCommand } from './import-command';
import { exitCodeOf } from './exit-codes';
import { redact } from '../errors/redact';
import { packageVersion } from './package-version';

/** Exit code for bad flags or arguments (commander has already printed why on stderr). */
export const USAGE_EXIT_CODE = 2;

/** The `zcrm` program with every command registered (one file per command). */
export function buildProgram(): Command {
  const program = new Command('zcrm')
    .description('Zoho CRM v2 SDK tooling: emulator, auth, whoami, generate, check, export, import')
    .version(packageVersion())
    // Set before commands are added so each inherits it: usage errors throw instead of exiting with 1.
    .exitOverride();
  registerEmulatorCommand(program);
  registerAuthCommand(program);
  registerWhoamiCommand(program);
  registerGenerateCommand(program);
  registerCheckCommand(program);
  registerExportCommand(program);
  registerImportCommand(program);
  return program;
}

/** Runs the CLI; resolves once the command has started (long-running commands keep the process alive). */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv as string[]);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exit(err.exitCode === 0 ? 0 : USAGE_EXIT_CODE);
    }
    process.stderr.write(redact(`zcrm: ${err instanceof Error ? err.message : String(err)}`) + '\n');
    process.exit(exitCodeOf(err));
  }
}

if (require.main === module) void main();
