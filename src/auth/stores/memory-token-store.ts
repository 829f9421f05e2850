import type { TokenStore, ZohoOAuthTokens } from '../../config/token-store-contract';
import { redactInspection } from '../../errors/redact';

/** Tokens kept in this process only (tests, short scripts, or an app that re-authorises on start). */
export class MemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, ZohoOAuthTokens>();

  constructor() {
    redactInspection(this);
  }

  async getOAuthTokens(userEmail: string): Promise<ZohoOAuthTokens | undefined> {
    const found = this.tokens.get(userEmail);
    return found && { ...found };
  }

  async saveOAuthTokens(tokens: ZohoOAuthTokens): Promise<void> {
    this.tokens.set(tokens.userEmail, { ...tokens });
  }

  async deleteOAuthTokens(userEmail: string): Promise<void> {
    this.tokens.delete(userEmail);
  }

  async listUserEmails(): Promise<string[]> {
    return [...this.tokens.keys()];
  }
}
