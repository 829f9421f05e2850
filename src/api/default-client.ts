import { ZCRMException } from '../errors/zcrm-exception';
import type { ZCRMRestClient } from './rest-client';

/**
 * The process-wide client that `ZCRMRestClient.initialize` makes and entities fall back on when they were built
 * without a client. Kept apart from `rest-client.ts` so entities depend on this holder only, not on the client
 * class (which imports the calls that build entities).
 */
let current: ZCRMRestClient | undefined;

/** The process-wide client; throws `notInitialized` before `ZCRMRestClient.initialize`. */
export function defaultClient(): ZCRMRestClient {
  if (!current) throw ZCRMException.notInitialized();
  return current;
}

/** The process-wide client, or undefined before `ZCRMRestClient.initialize`. */
export function peekDefaultClient(): ZCRMRestClient | undefined {
  return current;
}

/** Makes `client` (or nothing) the process-wide client; returns the one it replaces. */
export function setDefaultClient(client: ZCRMRestClient | undefined): ZCRMRestClient | undefined {
  const previous = current;
  current = client;
  return previous;
}
