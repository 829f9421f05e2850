/**
 * One element of a write response's `data` array: the outcome for one input entity, success or error.
 * Bulk writes never throw for per-record failures; each input gets its `EntityResponse`.
 */
export class EntityResponse<T = unknown> {
  readonly status: string;
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
  /** Upsert only: `insert` or `update`. */
  readonly upsertAction?: string;
  /** Upsert only: the field that matched an existing record, or null. */
  readonly upsertDuplicateField?: string | null;
  readonly responseJson: Record<string, unknown>;
  /** The input entity this result belongs to, updated from `details` on success. */
  data?: T;

  constructor(json: Record<string, unknown>, data?: T) {
    this.responseJson = json;
    this.status = String(json.status ?? '');
    this.code = String(json.code ?? '');
    this.message = String(json.message ?? '');
    this.details = typeof json.details === 'object' && json.details !== null ? (json.details as Record<string, unknown>) : {};
    if (json.action !== undefined) this.upsertAction = String(json.action);
    if (json.duplicate_field !== undefined) this.upsertDuplicateField = json.duplicate_field as string | null;
    this.data = data;
  }

  get isSuccess(): boolean {
    return this.status === 'success';
  }
}
