import type { ZCRMRestClient } from '../../api/rest-client';
import type { JsonObject } from '../../api/operations/item-results';

/** Makes a model's hydration function on a client (JSON → model instance bound to that client). */
type HydratorFactory = <T extends object>(
  model: new () => T,
  client: ZCRMRestClient,
) => (json: JsonObject) => T;

let factory: HydratorFactory | undefined;

/**
 * Filled by `repository.ts` when it loads: the extras sit below the repository (which delegates to them), so
 * they reach its hydration through this holder instead of importing it back.
 */
export function setModelHydrator(make: HydratorFactory): void {
  factory = make;
}

/** The hydration of `model` on `client`, made lazily on first use. */
export function modelHydrator<T extends object>(
  model: new () => T,
  client: ZCRMRestClient,
): (json: JsonObject) => T {
  let hydrate: ((json: JsonObject) => T) | undefined;
  return (json) => {
    if (!factory) throw new Error('zcrm: the ORM repository is not loaded (import from "zcrm")');
    hydrate ??= factory(model, client);
    return hydrate(json);
  };
}
