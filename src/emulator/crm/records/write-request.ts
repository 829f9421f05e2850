import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { ModuleDef } from '../../state/types';
import { isPlainObject, readItems, readJson } from '../body';
import { ApiErrors } from '../zoho-error';
import { fieldDef } from './render';

/** Most records one write request may carry (docs/zoho-v2-notes.md §2). */
export const MAX_WRITE_RECORDS = 100;

const TRIGGERS = new Set(['workflow', 'approval', 'blueprint', 'pathfinder', 'orchestration']);

/** Credits of an insert, update or upsert: 1 per 10 records (docs/zoho-v2-notes.md §4.1). Unreadable bodies cost 1 and fail later. */
export function writeCost(request: FastifyRequest): number {
  try {
    const body = readJson(request);
    const items =
      isPlainObject(body) && Array.isArray(body.data) ? Math.min(body.data.length, MAX_WRITE_RECORDS) : 1;
    return Math.max(1, Math.ceil(items / 10));
  } catch {
    return 1;
  }
}

export type WriteOperation = 'create' | 'edit' | 'delete';

/**
 * The module a write names, or Zoho's errors: `INVALID_MODULE` for unknown names and
 * [I] "not supported in API" for modules that do not allow the operation (Attachments have their own API).
 */
export function writableModule(ctx: EmulatorContext, name: string, operation: WriteOperation): ModuleDef {
  const module = ctx.module(name);
  const flag =
    operation === 'create' ? module.creatable : operation === 'edit' ? module.editable : module.deletable;
  if (module.api_supported === false || flag === false) throw ApiErrors.unsupportedModule();
  return module;
}

/**
 * Reads `{"data":[…], "trigger", "lar_id", "duplicate_check_fields", …}` and checks the optional keys:
 * `trigger` is a list of automation names, `duplicate_check_fields` names unique fields of the module
 * ([I] accepted on insert too, where every unique field is checked anyway).
 */
export function readWriteBody(
  request: FastifyRequest,
  module: ModuleDef,
): { items: unknown[]; duplicateFields: string[] } {
  const { body, items } = readItems(request, 'data', MAX_WRITE_RECORDS);
  const trigger = body.trigger;
  if (trigger !== undefined && trigger !== null) {
    if (!Array.isArray(trigger))
      throw ApiErrors.invalidData({ api_name: 'trigger', expected_data_type: 'jsonarray' });
    if (!trigger.every((t) => typeof t === 'string' && TRIGGERS.has(t)))
      throw ApiErrors.invalidData({ api_name: 'trigger' });
  }
  if (body.lar_id !== undefined && body.lar_id !== null && typeof body.lar_id !== 'string') {
    throw ApiErrors.invalidData({ api_name: 'lar_id', expected_data_type: 'string' });
  }
  return { items, duplicateFields: duplicateCheckFields(module, body.duplicate_check_fields) };
}

/**
 * The fields an upsert matches on: the given `duplicate_check_fields` in order, else the module's system
 * duplicate-check fields followed by its other unique fields (docs/zoho-v2-notes.md §5.5). Only unique fields may be named.
 */
function duplicateCheckFields(module: ModuleDef, given: unknown): string[] {
  const system = module.duplicate_check_fields ?? [];
  const unique = module.fields.filter((f) => f.unique).map((f) => f.api_name);
  if (given === undefined || given === null) return [...new Set([...system, ...unique])];
  if (!Array.isArray(given))
    throw ApiErrors.invalidData({ api_name: 'duplicate_check_fields', expected_data_type: 'jsonarray' });
  for (const name of given) {
    const def = typeof name === 'string' ? fieldDef(module, name) : undefined;
    if (!def || !(def.unique || system.includes(def.api_name))) {
      throw ApiErrors.invalidData({ api_name: 'duplicate_check_fields', field: name });
    }
  }
  return given as string[];
}
