/**
 * OAuth scope checks (docs/zoho-v2-notes.md §1.9). Scopes are `Service.group[.resource].OPERATION`, compared
 * case-insensitively; `ALL` covers every operation and `WRITE` covers create, update and delete.
 */
export type Operation = 'READ' | 'CREATE' | 'UPDATE' | 'DELETE';

export interface ScopeRequirement {
  /** e.g. `ZohoCRM.modules`, `ZohoCRM.settings`, `ZohoCRM.users`, `ZohoCRM.org`, `ZohoCRM.coql`, `ZohoCRM.bulk`. */
  group: string;
  /** Resource under the group (`leads`, `fields` …); a group-wide grant covers every resource. */
  resource?: string;
  operation: Operation;
}

function coversOperation(granted: string, needed: Operation): boolean {
  const g = granted.toUpperCase();
  if (g === 'ALL' || g === needed) return true;
  return g === 'WRITE' && needed !== 'READ';
}

/** True when one granted scope covers the requirement. */
export function scopeCovers(granted: string, req: ScopeRequirement): boolean {
  const parts = granted.trim().toLowerCase().split('.');
  const group = req.group.toLowerCase().split('.');
  if (parts.length < group.length + 1) return false;
  for (let i = 0; i < group.length; i++) if (parts[i] !== group[i]) return false;
  const rest = parts.slice(group.length);
  if (rest.length === 1) return coversOperation(rest[0], req.operation);
  if (rest.length === 2 && req.resource !== undefined) {
    return rest[0] === req.resource.toLowerCase() && coversOperation(rest[1], req.operation);
  }
  return false;
}

/** Every requirement must be covered by at least one granted scope. */
export function scopesSatisfy(granted: readonly string[], reqs: readonly ScopeRequirement[]): boolean {
  return reqs.every((req) => granted.some((g) => scopeCovers(g, req)));
}

/** Parses Zoho's comma-separated scope parameter (spaces tolerated). */
export function parseScopeList(scope: string): string[] {
  return scope
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
