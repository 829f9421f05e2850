import { AsyncLocalStorage } from 'node:async_hooks';
import { ValidationException } from '../errors/validation-exception';
import { ZCRMException } from '../errors/zcrm-exception';

/**
 * The user calls act as. The seed kept it on the current thread; here `runAs` scopes it to an async call tree,
 * so concurrent work for different users never mixes.
 */
const storage = new AsyncLocalStorage<string>();

/** Runs `fn` with every SDK call inside it (including across awaits and timers) acting as `userEmail`. */
export function runAs<T>(userEmail: string, fn: () => T): T {
  if (typeof userEmail !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(userEmail.trim())) {
    throw ValidationException.invalidInput('userEmail', 'runAs needs the email address of a CRM user');
  }
  return storage.run(userEmail.trim(), fn);
}

/** The user of the enclosing `runAs`, if any. */
export function runAsUserEmail(): string | undefined {
  return storage.getStore();
}

/** The `runAs` user, else `fallback` (the configured `currentUserEmail`), else a clear error. */
export function currentUserEmail(fallback: string | undefined): string {
  const email = storage.getStore() ?? fallback;
  if (email === undefined) throw ZCRMException.noCurrentUser();
  return email;
}
