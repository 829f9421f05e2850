import type { RunningEmulator } from '../../src/emulator';
import { ValidationException, ZCRMException } from '../../src/errors';
import { requestLog } from './sdk';

/** The error `promise` rejects with (failing the test when it resolves or rejects with something else). */
export async function rejectionOf(promise: Promise<unknown>): Promise<ZCRMException> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ZCRMException) return err;
    throw err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Expects `promise` to fail a client-side check (statusCode 0, INVALID_INPUT) matching `message`, with no request sent. */
export async function expectClientCheck(
  promise: Promise<unknown>,
  message: RegExp,
  emulator: RunningEmulator,
): Promise<void> {
  const before = (await requestLog(emulator)).length;
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationException);
  expect(error).toMatchObject({ statusCode: 0, errorCode: 'INVALID_INPUT' });
  expect((error as ZCRMException).errorMessage).toMatch(message);
  expect((await requestLog(emulator)).length).toBe(before);
}

/** An id of the emulated org (prefix `3652397`, as the seeded users, taxes and variables have). */
export const orgId = (seq: number): string => '3652397' + String(seq).padStart(12, '0');
