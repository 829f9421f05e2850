import type { EmulatorContext } from '../../context';
import { familyState } from '../family-state';

/** A mass-update job (docs/zoho-v2-notes.md §5.10); jobs run when scheduled, so they are stored completed. */
export interface MassUpdateJob {
  module: string;
  Status: 'COMPLETED' | 'SCHEDULED' | 'RUNNING' | 'FAILED';
  Failed_Count: number;
  Updated_Count: number;
  Not_Updated_Count: number;
  Total_Count: number;
}

/** The records family's private, JSON-serialisable state (`ctx.state.extra.records`). */
export interface RecordsState {
  /** Last number issued per `Module.Field` autonumber field. */
  autonumbers: Record<string, number>;
  massUpdateJobs: Record<string, MassUpdateJob>;
}

export function recordsState(ctx: EmulatorContext): RecordsState {
  return familyState(ctx, 'records', () => ({ autonumbers: {}, massUpdateJobs: {} }));
}
