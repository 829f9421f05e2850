import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TokenStore, ZohoOAuthTokens } from '../../config/token-store-contract';
import { ZCRMException } from '../../errors/zcrm-exception';
import { sameTokens } from '../oauth-tokens';
import { FileLockOptions, withFileLock } from './file-lock';

/** The file inside `token_persistence_path` (the seed's was a Python pickle, `zcrm_oauthtokens.pkl`). */
export const TOKEN_FILE_NAME = 'zcrm_oauthtokens.json';

interface TokenFile {
  version: 1;
  tokens: Record<string, ZohoOAuthTokens>;
}

/**
 * Tokens in a JSON file (mode 0600). Every change is a read-modify-write under a lock file, written to a temp
 * file and renamed over the old one, so readers never see half a file and concurrent writers (threads or
 * processes) never lose each other's updates. Failures throw: tokens are never silently not saved (seed PHP #64).
 */
export class FileTokenStore implements TokenStore {
  readonly file: string;
  private readonly lockFile: string;

  /** `lock` tunes the lock file shared with other processes (see {@link withFileLock}). */
  constructor(
    readonly directory: string,
    private readonly lock: FileLockOptions = {},
  ) {
    this.file = join(directory, TOKEN_FILE_NAME);
    this.lockFile = `${this.file}.lock`;
  }

  async getOAuthTokens(userEmail: string): Promise<ZohoOAuthTokens | undefined> {
    return (await this.read()).tokens[userEmail];
  }

  async saveOAuthTokens(tokens: ZohoOAuthTokens): Promise<void> {
    await this.updateOAuthTokens(tokens.userEmail, async () => tokens);
  }

  async deleteOAuthTokens(userEmail: string): Promise<void> {
    await this.locked(async () => {
      const content = await this.read();
      if (!(userEmail in content.tokens)) return;
      delete content.tokens[userEmail];
      await this.write(content);
    });
  }

  async updateOAuthTokens(
    userEmail: string,
    update: (current: ZohoOAuthTokens | undefined) => Promise<ZohoOAuthTokens | undefined>,
  ): Promise<ZohoOAuthTokens | undefined> {
    return this.locked(async () => {
      const content = await this.read();
      const current = content.tokens[userEmail];
      const next = await update(current);
      if (next && !sameTokens(next, current)) {
        content.tokens[userEmail] = { ...next, userEmail };
        await this.write(content);
      }
      return next;
    });
  }

  private async locked<T>(work: () => Promise<T>): Promise<T> {
    await this.ensureDirectory();
    return withFileLock(this.lockFile, work, this.lock);
  }

  private async read(): Promise<TokenFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, tokens: {} };
      throw this.failure('read', err);
    }
    try {
      const parsed = JSON.parse(text) as TokenFile;
      if (typeof parsed?.tokens !== 'object' || parsed.tokens === null) throw new Error('no "tokens" object');
      return parsed;
    } catch (err) {
      throw this.failure('parse', err);
    }
  }

  private async write(content: TokenFile): Promise<void> {
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(content, null, 2), { mode: 0o600, flush: true });
      await rename(temp, this.file);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw this.failure('write', err);
    }
  }

  private async ensureDirectory(): Promise<void> {
    try {
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw this.failure('create the directory of', err);
    }
  }

  private failure(action: string, cause: unknown): ZCRMException {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new ZCRMException({
      errorCode: 'TOKEN_STORE_ERROR',
      errorMessage: `Could not ${action} the token file ${this.file}: ${reason}`,
      cause,
    });
  }
}
