import type { TokenStoreChoice } from '../../config/client-config';
import type { TokenStore } from '../../config/token-store-contract';
import { loadCustomTokenStore } from './custom-token-store';
import { FileTokenStore } from './file-token-store';
import { MemoryTokenStore } from './memory-token-store';
import { TypeOrmTokenStore } from './typeorm-token-store';

/** The token store the configuration chose. */
export function createTokenStore(choice: TokenStoreChoice): TokenStore {
  switch (choice.kind) {
    case 'instance':
      return choice.store;
    case 'memory':
      return new MemoryTokenStore();
    case 'file':
      return new FileTokenStore(choice.directory);
    case 'custom':
      return loadCustomTokenStore(choice.modulePath, choice.className);
    case 'dataSource':
      return TypeOrmTokenStore.fromDataSource(choice.dataSource);
    case 'database':
      return TypeOrmTokenStore.fromOptions(choice.database);
  }
}
