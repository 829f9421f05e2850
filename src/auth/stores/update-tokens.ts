import type { TokenStore, ZohoOAuthTokens } from '../../config/token-store-contract';
import { sameTokens } from '../oauth-tokens';

/**
 * Read-modify-write of one user's tokens: through the store's own exclusive `updateOAuthTokens` when it has
 * one, else as a plain get/update/save (enough for stores used by one process, where single-flight suffices).
 */
export async function updateTokens(
  store: TokenStore,
  userEmail: string,
  update: (current: ZohoOAuthTokens | undefined) => Promise<ZohoOAuthTokens | undefined>,
): Promise<ZohoOAuthTokens | undefined> {
  if (store.updateOAuthTokens) return store.updateOAuthTokens(userEmail, update);
  const current = await store.getOAuthTokens(userEmail);
  const next = await update(current);
  if (next && !sameTokens(next, current)) await store.saveOAuthTokens(next);
  return next;
}
