import { csv } from './body';
import { ApiErrors } from './zoho-error';

/** `?ids=a,b` of bulk calls (deletes, delinks, tagging): required, at most `max` ids (100 per call by default, docs/zoho-v2-notes.md §2). */
export function requireIdsParam(query: Record<string, string | undefined>, max = 100): string[] {
  const ids = csv(query.ids);
  if (ids.length === 0) throw ApiErrors.requiredParamMissing('ids');
  // [I] Zoho's details for too many ids are not documented.
  if (ids.length > max) throw ApiErrors.limitExceeded({ param: 'ids', limit: max });
  return ids;
}
