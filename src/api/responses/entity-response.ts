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
    this.status = textOf(json.status);
    this.code = textOf(json.code);
    this.message = textOf(json.message);
    this.details =
      typeof json.details === 'object' && json.details !== null
        ? (json.details as Record<string, unknown>)
        : {};
    if (json.action !== undefined) this.upsertAction = textOf(json.action);
    if (json.duplicate_field !== undefined) this.upsertDuplicateField = json.duplicate_field as string | null;
    this.data = data;
  }

  get isSuccess(): boolean {
    return this.status === 'success';
  }
}

/** A wire value as text; absent (undefined or null) is ''. */
function textOf(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a wire value, a primitive in practice; String() is the text Zoho means
  return value === undefined || value === null ? '' : String(value);
}
