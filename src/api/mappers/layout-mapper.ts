import { ZCRMLayout } from '../entities/zcrm-layout';
import { idString, isJsonObject, str } from './json-utils';

/** A record's `Layout: {name, id}` ↔ {@link ZCRMLayout}. */

/** Parses `{name, id}` or a bare id; `undefined` for null/absent values. */
export function parseLayoutRef(json: unknown): ZCRMLayout | undefined {
  const bareId = idString(json);
  if (bareId !== undefined) return new ZCRMLayout(bareId);
  if (!isJsonObject(json)) return undefined;
  const id = idString(json.id);
  if (id === undefined) return undefined;
  const layout = new ZCRMLayout(id);
  const name = str(json.name);
  if (name !== undefined) layout.name = name;
  return layout;
}

/** The JSON a record write sends for its layout: `{"id": "…"}`, or null for a layout without id. */
export function layoutToJson(layout: ZCRMLayout): { id: string } | null {
  return layout.id ? { id: layout.id } : null;
}
