import { redact } from '../errors/redact';
import { cliIo } from './cli-io';

/**
 * Status lines of the commands. Everything goes through `redact`, so a token, grant code or client secret the
 * process has seen never reaches the terminal, even by mistake. (Data files a command writes are not touched.)
 */
export const out = {
  /** A line on stdout: the command's result. */
  line(text = ''): void {
    cliIo().stdout.write(redact(text) + '\n');
  },
  /** A line on stderr: progress notes and warnings, kept off stdout so results can be piped. */
  note(text: string): void {
    cliIo().stderr.write(redact(text) + '\n');
  },
};
