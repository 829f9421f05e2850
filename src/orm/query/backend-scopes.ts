import type { ZCRMRestClient } from '../../api/rest-client';
import type { QueryBackend } from '../../query/compilers/compiled-query';

/**
 * The OAuth scope each query backend needs on top of the module's read scope: COQL `ZohoCRM.coql.READ`
 * (https://www.zoho.com/crm/developer/docs/api/v2/COQL-Overview.html), search
 * `ZohoSearch.securesearch.READ` (https://www.zoho.com/crm/developer/docs/api/v2/search-records.html).
 */
const BACKEND_SCOPES: Record<QueryBackend, string | undefined> = {
  list: undefined,
  search: 'ZohoSearch.securesearch.READ',
  coql: 'ZohoCRM.coql.READ',
};

/** Every scope a backend needs to read a module, as a person adds them to a grant. */
export function scopesFor(backend: QueryBackend, module: string): string[] {
  const moduleScope = `ZohoCRM.modules.${module.toLowerCase()}.READ (or ZohoCRM.modules.ALL)`;
  const own = BACKEND_SCOPES[backend];
  return own ? [own, moduleScope] : [moduleScope];
}

/** The backends the client's token is known to lack the scope of (learned from Zoho's refusals). */
export function deniedBackends(client: ZCRMRestClient): QueryBackend[] {
  return (Object.keys(BACKEND_SCOPES) as QueryBackend[]).filter((b) => {
    const scope = BACKEND_SCOPES[b];
    return scope !== undefined && client.missingScopes.has(scope);
  });
}

/** Records that the token lacks a backend's own scope (or, with `known: false`, that it was not that). */
export function markScope(client: ZCRMRestClient, backend: QueryBackend, missing: boolean): void {
  const scope = BACKEND_SCOPES[backend];
  if (scope === undefined) return;
  if (missing) client.missingScopes.add(scope);
  else client.missingScopes.delete(scope);
}
