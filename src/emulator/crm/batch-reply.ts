import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context';
import { readItems } from './body';
import type { CrmResult } from './route';
import type { ItemResult } from './zoho-error';

/** HTTP status of a write batch: `successStatus` when every item succeeded, 400 when all failed, else the mixed status. */
export function batchStatus(ctx: EmulatorContext, results: ItemResult[], successStatus: number): number {
  const ok = results.filter((r) => r.status === 'success').length;
  if (ok === results.length) return successStatus;
  if (ok === 0) return 400;
  return ctx.settings.mixedStatus;
}

/**
 * A write batch's reply: the per-item results in input order under `key` (`data` for records, `taxes`,
 * `users` … for settings), with the status of the batch's outcome.
 */
export function batchReply(
  ctx: EmulatorContext,
  results: ItemResult[],
  successStatus: number,
  key = 'data',
): CrmResult {
  return { status: batchStatus(ctx, results, successStatus), body: { [key]: results } };
}

/**
 * A per-item write: the items of a `{"<key>":[…]}` body (at most `max`, docs/zoho-v2-notes.md §2), each written by
 * `write` in input order and answered under the same key.
 */
export function writeEachItem(
  ctx: EmulatorContext,
  request: FastifyRequest,
  key: string,
  max: number,
  successStatus: number,
  write: (item: unknown) => ItemResult,
): CrmResult {
  const results = readItems(request, key, max).items.map((item) => write(item));
  return batchReply(ctx, results, successStatus, key);
}
