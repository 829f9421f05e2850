import { redact } from '../errors/redact';

/**
 * Status lines of the commands. Everything goes through `redact`, so a token, grant code or client secret the
 * process has seen never reaches the terminal, even by mistake. (Data files a command writes are not touched.)
 */
export const out = {
  /** A line on stdout: the command's result. */
  line(text = ''): void {
    process.stdout.write(redact(text) + '\n');
  },
  /** A line on stderr: progress notes and warnings, kept off stdout so results can be piped. */
  note(text: string): void {
    process.stderr.write(redact(text) + '\n');
  },
};
