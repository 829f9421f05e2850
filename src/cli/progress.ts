import { SingleBar } from 'cli-progress';
import { cliIo } from './cli-io';

/** A progress display for a long command. */
export interface Progress {
  /** Starts showing; `total` gives a bar and an ETA (unknown totals show the count and the rate). */
  start(total?: number): void;
  /** Records done since the last call. */
  increment(count?: number): void;
  /** Draws the final state and gives the terminal back. */
  stop(): void;
}

const SILENT: Progress = { start() {}, increment() {}, stop() {} };

/** Output streams as far as the progress display cares. */
export interface ProgressStream extends NodeJS.WritableStream {
  isTTY?: boolean;
  columns?: number;
}

/**
 * A cli-progress bar on `stream` (stderr by default, so data can go to stdout) with the count, the rate and
 * the ETA: `export Leads [=====-----] 1200/2400 | 350 rec/s | ETA 3s`. Silent when the stream is not a terminal
 * (CI logs, pipes), so nothing but the results reaches files.
 */
export function createProgress(label: string, stream: ProgressStream = cliIo().stderr): Progress {
  if (!stream.isTTY) return SILENT;
  let bar: SingleBar | undefined;
  let started = 0;
  let done = 0;
  const rate = () => {
    const seconds = (Date.now() - started) / 1000;
    return seconds > 0 ? Math.round(done / seconds) : 0;
  };
  return {
    start(total) {
      started = Date.now();
      const known = total !== undefined && total > 0;
      bar = new SingleBar({
        stream,
        format: known
          ? `${label} [{bar}] {value}/{total} | {rate} rec/s | ETA {eta_formatted}`
          : `${label} {value} records | {rate} rec/s | {duration_formatted}`,
        barsize: 30,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
        fps: 10,
      });
      bar.start(known ? total : 0, 0, { rate: 0 });
    },
    increment(count = 1) {
      done += count;
      bar?.increment(count, { rate: rate() });
    },
    stop() {
      bar?.update(done, { rate: rate() });
      bar?.stop();
      bar = undefined;
    },
  };
}
