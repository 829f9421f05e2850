import type { EmulatorContext } from '../../context';
import { familyState } from '../family-state';
import type { ReadJob } from './read-job';
import type { WriteJob } from './write-job';

/** A CSV uploaded for Bulk Write (kept unzipped so the state stays plain JSON). */
export interface UploadedFile {
  id: string;
  /** Name of the CSV inside the uploaded zip. */
  name: string;
  text: string;
  created_time: string;
}

/** The bulk family's private state under `ctx.state.extra.bulk`. */
export interface BulkState {
  files: Record<string, UploadedFile>;
  readJobs: Record<string, ReadJob>;
  writeJobs: Record<string, WriteJob>;
}

/** The bulk state of the running emulator, created on first use (and dropped by a reset with the rest). */
export function bulkState(ctx: EmulatorContext): BulkState {
  return familyState(ctx, 'bulk', () => ({ files: {}, readJobs: {}, writeJobs: {} }));
}
