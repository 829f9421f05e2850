import type { TokenStore, ZohoOAuthTokens } from '../../config/token-store-contract';
import { ConfigurationException } from '../../errors/configuration-exception';

type StoreClass = new () => Partial<TokenStore>;

/**
 * Loads the seed-style custom persistence: a module (`persistence_handler_path`) exporting a class
 * (`persistence_handler_class`, or the default export) with `getOAuthTokens`, `saveOAuthTokens` and
 * `deleteOAuthTokens`, instantiated without arguments.
 */
export function loadCustomTokenStore(modulePath: string, className?: string): TokenStore {
  let exported: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exported = require(modulePath) as Record<string, unknown>;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw ConfigurationException.badValue(
      'persistence_handler_path',
      `a module that can be loaded (${reason})`,
    );
  }
  const candidate = className !== undefined ? exported[className] : (exported.default ?? exported);
  if (typeof candidate !== 'function') {
    throw ConfigurationException.badValue(
      className !== undefined ? 'persistence_handler_class' : 'persistence_handler_path',
      className !== undefined
        ? `a class exported by ${modulePath}`
        : 'a module whose default export is a class',
    );
  }
  const instance = new (candidate as StoreClass)();
  if (
    ['getOAuthTokens', 'saveOAuthTokens', 'deleteOAuthTokens'].some(
      (m) => typeof (instance as Record<string, unknown>)[m] !== 'function',
    )
  ) {
    throw ConfigurationException.badValue(
      'persistence_handler_class',
      'a class with getOAuthTokens, saveOAuthTokens and deleteOAuthTokens',
    );
  }
  return normalized(instance as TokenStore);
}

/** Custom stores may return `null`, or an expiry as a string (a bigint column): smooth both over. */
function normalized(store: TokenStore): TokenStore {
  const wrapped: TokenStore = {
    getOAuthTokens: async (userEmail) => {
      const found = (await store.getOAuthTokens(userEmail)) as ZohoOAuthTokens | null | undefined;
      return found ? { ...found, expiryTime: Number(found.expiryTime) } : undefined;
    },
    saveOAuthTokens: (tokens) => Promise.resolve(store.saveOAuthTokens(tokens)),
    deleteOAuthTokens: (userEmail) => Promise.resolve(store.deleteOAuthTokens(userEmail)),
  };
  if (store.updateOAuthTokens) wrapped.updateOAuthTokens = store.updateOAuthTokens.bind(store);
  if (store.listUserEmails) wrapped.listUserEmails = store.listUserEmails.bind(store);
  if (store.close) wrapped.close = store.close.bind(store);
  return wrapped;
}
