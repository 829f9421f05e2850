import { ConfigurationException } from '../errors/configuration-exception';
import { CliUsageError } from './cli-errors';

/** `zcrm` exit codes: 0 success, 1 failure, 2 usage (bad flags, arguments or configuration). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The exit code for an error a command threw. */
export function exitCodeOf(err: unknown): number {
  return err instanceof CliUsageError || err instanceof ConfigurationException ? EXIT_USAGE : EXIT_FAILURE;
}
