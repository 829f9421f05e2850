/**
 * A command line that cannot run as given (a missing user, an unreadable config file, a bad `--where`):
 * `zcrm` prints the message and exits 2, like commander's own usage errors.
 */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/**
 * A command that ran and failed in part (some import rows were rejected): the details are already written
 * (result file, summary); `zcrm` prints the message and exits 1.
 */
export class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
}
