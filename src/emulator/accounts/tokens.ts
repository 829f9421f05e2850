import { randomBytes } from 'node:crypto';

/** Zoho's token and code shape: `1000.<32 hex>.<32 hex>`. */
export function newZohoToken(): string {
  return `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
}
