import { ZCRMException } from '../errors/zcrm-exception';
import type { ZohoOAuthClient } from './zoho-oauth-client';

let instance: ZohoOAuthClient | undefined;

/** The seed's `ZohoOAuth`: access to the OAuth client of the initialised SDK. */
export class ZohoOAuth {
  /** The OAuth client set up by `ZCRMRestClient.initialize(config)`. */
  static getClientInstance(): ZohoOAuthClient {
    if (!instance) throw ZCRMException.notInitialized();
    return instance;
  }

  /** Makes `client` the one {@link getClientInstance} returns (done by `ZCRMRestClient.initialize`). */
  static initialize(client: ZohoOAuthClient | undefined): void {
    instance = client;
  }
}
