/** What the ORM reports of one query when `queryLogger` is configured. */
export interface QueryLogEntry {
  /** The model queried (`Invoice`). */
  model: string;
  module: string;
  /** The backend the planner picked: `list`, `search` or `coql`. */
  backend: 'list' | 'search' | 'coql';
  /** What each call sent (COQL, search criteria or list query string), secrets redacted, in order. */
  calls: Array<{ backend: 'list' | 'search' | 'coql'; text: string }>;
  /** Records the query handed out. */
  records: number;
  /** Milliseconds from the first call to the end of the query. */
  durationMs: number;
  /** Why the query stopped early, when it failed (message, redacted). */
  error?: string;
}

/** A function given each finished query, or `true` to write one line per query to the client's logger. */
export type QueryLoggerOption = ((entry: QueryLogEntry) => void) | boolean;
