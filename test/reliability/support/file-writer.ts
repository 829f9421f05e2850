/**
 * A writer killed with SIGKILL over and over by tokens-file-lock.test.ts: saves tokens into the JSON file store
 * at ZCRM_WRITER_DIR as fast as it can, each save bumping a counter kept in the access token, and reports its
 * first completed save so the test knows the lock has been taken.
 */
import { FileTokenStore } from '../../../src/auth/stores/file-token-store';

const USERS = 200;

async function main(): Promise<void> {
  const store = new FileTokenStore(process.env.ZCRM_WRITER_DIR!, { staleMs: 2_000, heartbeatMs: 1_000 });
  for (let n = 0; ; n++) {
    const user = `user${n % USERS}@zylker.com`;
    await store.updateOAuthTokens(user, async (current) => {
      const count = Number(current?.accessToken.split('.')[1] ?? 0) + 1;
      return {
        userEmail: user,
        accessToken: `1000.${count}.${'a'.repeat(32)}`,
        refreshToken: `1000.${'r'.repeat(32)}.${'s'.repeat(32)}`,
        expiryTime: Date.now() + 3_600_000,
      };
    });
    if (n === 0) process.send!({ saved: true });
  }
}

void main();
