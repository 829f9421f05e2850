import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { RunningEmulator } from '../emulator';
import { cliIo } from './cli-io';

const EDITIONS = ['free', 'standard', 'professional', 'enterprise', 'ultimate'] as const;

interface EmulatorFlags {
  port: number;
  host: string;
  state?: string;
  seed?: string;
  edition: (typeof EDITIONS)[number];
}

/**
 * `zcrm emulator`: serves the local Zoho CRM v2 + Accounts emulator until SIGINT/SIGTERM. Once listening it
 * prints one JSON line, `{"url","clientId","clientSecret"}`, so scripts can read where it is and how to log in.
 */
export function registerEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description('start a local Zoho CRM v2 emulator (OAuth + CRM API on one origin)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 0)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--state <file>', 'JSON state file: loaded at start if present, written atomically on exit')
    .option('--seed <file>', 'JSON seed file with custom modules, fields and records', existingFile)
    .addOption(
      new Option('--edition <edition>', 'CRM edition (API credit and concurrency limits)')
        .choices(EDITIONS)
        .default('enterprise'),
    )
    .action(async (flags: EmulatorFlags) => {
      // Loaded on use, so other commands (and bad flags) do not pay for the whole server.
      const { startEmulator } = await import('../emulator');
      const emulator = await startEmulator({
        port: flags.port,
        host: flags.host,
        state: flags.state,
        seed: flags.seed,
        edition: flags.edition,
      });
      cliIo().stdout.write(
        JSON.stringify({
          url: emulator.url,
          clientId: emulator.clientId,
          clientSecret: emulator.clientSecret,
        }) + '\n',
      );
      stopOnSignals(emulator);
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new InvalidArgumentError('must be an integer from 0 to 65535.');
  return port;
}

function existingFile(value: string): string {
  if (!existsSync(value)) throw new InvalidArgumentError(`no such file: ${value}`);
  return value;
}

/** Stops (saving the state file) on the first SIGINT or SIGTERM, then exits 0; a failed save exits 1. */
function stopOnSignals(emulator: RunningEmulator): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(
          `zcrm emulator: could not stop cleanly: ${err instanceof Error ? err.message : String(err)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
