import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { redact } from '../errors/redact';

/** Where the SDK writes its log lines. Every line is redacted before it reaches a logger. */
export interface ZCRMLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

type Level = keyof ZCRMLogger;

/** Wraps a logger so nothing unredacted reaches it, whatever the caller passes. */
export function redactingLogger(target: ZCRMLogger): ZCRMLogger {
  const wrap = (level: Level) => (message: string) => target[level](redact(message));
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

export const silentLogger: ZCRMLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * Appends `<ISO time> <LEVEL> <message>` lines to a file (mode 0600). As in the seed, `applicationLogFilePath`
 * may name a directory, in which case the file is `client_library.log` inside it; a path ending in `.log` is
 * the file itself. Writes are synchronous appends: a log line is never lost or interleaved on a crash.
 */
export function fileLogger(path: string): ZCRMLogger {
  const file = logFilePath(path);
  mkdirSync(dirname(file), { recursive: true });
  const write = (level: string) => (message: string) =>
    appendFileSync(file, `${new Date().toISOString()} ${level.padEnd(5)} ${message}\n`, { mode: 0o600 });
  return { debug: write('DEBUG'), info: write('INFO'), warn: write('WARN'), error: write('ERROR') };
}

function logFilePath(path: string): string {
  if (extname(path) === '.log') return path;
  try {
    if (statSync(path).isFile()) return path;
  } catch {
    // Missing: treated as the directory to create, as the seed does.
  }
  return join(path, 'client_library.log');
}
