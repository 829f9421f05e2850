import type { FastifyRequest } from 'fastify';
import { readJson } from '../body';
import type { Operation, ScopeRequirement } from '../scopes';

/** `ZohoCRM.bulk.{op}` (docs/zoho-v2-notes.md §1.9: `ZohoCRM.bulk.ALL|read|CREATE`). */
export function bulkScope(operation: Operation): ScopeRequirement {
  return { group: 'ZohoCRM.bulk', operation };
}

/**
 * The JSON body as far as scope checks need it. Scopes are checked before the handler, which reports
 * a malformed body with Zoho's envelope, so a body that does not parse only yields `undefined` here.
 */
export function peekJson(request: FastifyRequest): unknown {
  try {
    return readJson(request);
  } catch {
    return undefined;
  }
}

/** A module named as a string (v2) or as `{api_name}` (later versions). */
export function moduleName(value: unknown): string | undefined {
  const name =
    typeof value === 'object' && value !== null ? (value as { api_name?: unknown }).api_name : value;
  return typeof name === 'string' ? name : undefined;
}
