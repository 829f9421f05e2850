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
import { CliIo, cliIo, withCliIo } from './cli-io';

/** Exit code for bad flags or arguments (commander has already printed why on stderr). */
export const USAGE_EXIT_CODE = 2;

/** The `zcrm` program with every command registered (one file per command), writing to the run's streams. */
export function buildProgram(): Command {
  const program = new Command('zcrm')
    .description('Zoho CRM v2 SDK tooling: emulator, auth, whoami, generate, check, export, import')
    .version(packageVersion())
    // Set before commands are added so each inherits them: usage errors throw instead of exiting with 1, and
    // help and errors go to the run's streams.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => cliIo().stdout.write(text),
      writeErr: (text) => cliIo().stderr.write(text),
    });
  registerEmulatorCommand(program);
  registerAuthCommand(program);
  registerWhoamiCommand(program);
  registerGenerateCommand(program);
  registerCheckCommand(program);
  registerExportCommand(program);
  registerImportCommand(program);
  return program;
}

/**
 * Runs one `zcrm` command line (`args` without the node and script paths, e.g. `['whoami', '--json']`) with
 * the given streams, environment and working directory (the process's own by default), and resolves with its
 * exit code once the command has finished (or, for the emulator, started). Never exits the process.
 */
export async function run(args: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = { ...cliIo(), ...io };
  return withCliIo(full, async () => {
    try {
      await buildProgram().parseAsync(['node', 'zcrm', ...args]);
      return 0;
    } catch (err) {
      // Commander has already printed why (or the help / version asked for).
      if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
      full.stderr.write(redact(`zcrm: ${err instanceof Error ? err.message : String(err)}`) + '\n');
      return exitCodeOf(err);
    }
  });
}

/** The `zcrm` bin: runs `process.argv` and exits with the code of a command that failed. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  const code = await run(argv.slice(2));
  // A successful command may leave work running (the emulator); a failed one ends the process.
  if (code !== 0) process.exit(code);
}

if (require.main === module) void main();
