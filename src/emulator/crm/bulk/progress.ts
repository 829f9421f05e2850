/**
 * How an emulated bulk job moves through its states. Zoho runs jobs in the background; the emulator runs
 * a job when a client next observes it, so results are deterministic:
 * [I] the first status poll reports `IN PROGRESS` and the second `COMPLETED`; a poll made once the emulator
 * clock has passed `RUN_TIME_MS` after creation (real waiting, or `POST /__emulator/clock`) completes it at once.
 */
export interface JobProgress {
  /** Epoch ms (emulator clock) the job was created. */
  createdAt: number;
  polls: number;
  completed: boolean;
}

export const RUN_TIME_MS = 2_000;
const POLLS_TO_COMPLETE = 2;

/** Counts one status poll; runs the job (once) when it is due. Returns whether the job is now complete. */
export function observeJob(job: JobProgress, now: number, run: () => void): boolean {
  if (job.completed) return true;
  job.polls++;
  if (job.polls >= POLLS_TO_COMPLETE || now - job.createdAt >= RUN_TIME_MS) {
    run();
    job.completed = true;
  }
  return job.completed;
}

/** The state name a job shows: `ADDED` until first polled, then `IN PROGRESS`, then `COMPLETED`. */
export function jobState(job: JobProgress): 'ADDED' | 'IN PROGRESS' | 'COMPLETED' {
  if (job.completed) return 'COMPLETED';
  return job.polls === 0 ? 'ADDED' : 'IN PROGRESS';
}
