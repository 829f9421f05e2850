import type { Json } from '../../api/mappers/json-utils';
import { ZCRMException } from '../../errors/zcrm-exception';
import type { FieldMetadata, ModelClass } from '../field-metadata';

/**
 * The contract of a field codec: `read` turns a value of Zoho's JSON into the property value, `write` turns
 * a property value into what a save sends. The data-type table names each field's codec.
 */

/** A value a save cannot send: the property path and what is wrong. */
export interface WriteIssue {
  property: string;
  apiName?: string;
  message: string;
}

/** How a read reference loads its record (set by the ORM). */
export interface RecordLoader {
  load(model: ModelClass | undefined, module: string | undefined, id: string): Promise<unknown>;
}

/** What reading needs besides the value: the record's JSON (for `$se_module`) and how refs load. */
export interface ReadContext {
  record: Json;
  loader?: RecordLoader;
}

/** What writing needs: where to report values that cannot be sent. */
export interface WriteContext {
  issues: WriteIssue[];
}

export interface FieldCodec {
  readonly field: FieldMetadata;
  read(value: unknown, ctx: ReadContext): unknown;
  /** The wire form, or undefined for "not set" (an issue is reported for a value that cannot be sent). */
  write(value: unknown, ctx: WriteContext, path?: string): unknown;
}

/** Makes the codec of one field. */
export type CodecFactory = (field: FieldMetadata) => FieldCodec;

/** Reports a value that cannot be sent; returns undefined (nothing sent). */
export function issue(
  ctx: WriteContext,
  field: FieldMetadata,
  path: string | undefined,
  message: string,
): undefined {
  ctx.issues.push({ property: path ?? field.propertyName, apiName: field.apiName, message });
  return undefined;
}

/**
 * Reports a check of the API layer's mappers (`Product_Details[0].quantity: quantity is mandatory …`)
 * under the ORM's property path (`lines[0].quantity`).
 */
export function mapperIssue(ctx: WriteContext, field: FieldMetadata, where: string, error: unknown): void {
  if (!(error instanceof ZCRMException)) throw error;
  const details = error.errorDetails as { field?: unknown } | undefined;
  const wireField = typeof details?.field === 'string' ? details.field : '';
  const suffix = /^[$\w]+\[\d+\](.*)$/.exec(wireField)?.[1] ?? '';
  const message = error.errorMessage.startsWith(`${wireField}: `)
    ? error.errorMessage.slice(wireField.length + 2)
    : error.errorMessage;
  const property = suffix
    .replace('.line_tax', '.taxes')
    .replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  issue(ctx, field, `${where}${property}`, message);
}

/** JSON values copied, so edits of a read record never reach the JSON it was read from. */
export function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return JSON.parse(JSON.stringify(value)) as unknown;
}
