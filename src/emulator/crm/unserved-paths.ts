import { compilePattern } from '../route-table';

/**
 * First path segments of Zoho v2 APIs that are not modules: below them only the routes the emulator registers
 * exist, so anything else there is a Zoho API it does not serve, not a record path of an unknown module.
 */
const API_NAMESPACES = new Set(['org', 'settings', 'actions', 'files', 'upload', 'coql', 'users']);

/**
 * Paths inside module space that Zoho's official Node SDK 2.0 calls but the emulator does not serve (its
 * `contact_roles/contact_roles_operations.js` and `share_records/share_records_operations.js`), and record or
 * module actions other than the ones registered (`/{module}/actions/…`, `/{module}/{id}/actions/…`).
 */
const UNSERVED_IN_MODULES = [
  '/Contacts/roles',
  '/Contacts/roles/:id',
  '/Deals/:id/Contact_Roles',
  '/Deals/:id/Contact_Roles/:contact',
  '/:module/actions/:action',
  '/:module/:id/actions/:action',
].map(compilePattern);

/**
 * Whether a path that only a catch-all route (`/:module/...`) matched names a Zoho API rather than a record of
 * some module: such paths answer Zoho's 404 INVALID_URL_PATTERN (or INVALID_REQUEST_METHOD), not INVALID_MODULE.
 */
export function isUnservedZohoPath(path: string): boolean {
  const below = /^\/crm\/[^/]+(\/.*)$/.exec(path)?.[1];
  if (below === undefined) return false;
  return API_NAMESPACES.has(below.split('/')[1]) || UNSERVED_IN_MODULES.some((p) => p.test(below));
}
