import {
  deleteRecords,
  insertRecords,
  updateRecords,
  upsertRecords,
  WriteResultsJson,
} from '../../api/operations/record-operations';
import { writeOptionsBody } from '../../api/mappers/record-results';
import { matchEntityResponses } from '../../api/support/write-results';
import type { EntityResponse } from '../../api/responses/entity-response';
import type { HttpResponse } from '../../http/http-types';
import { ZCRMException } from '../../errors/zcrm-exception';
import { OutcomeUnknownException } from '../../errors/outcome-unknown-exception';
import { ConnectionException } from '../../errors/connection-exception';
import { mayHaveBeenProcessed } from '../../http/steps/retry-policy';
import type { Repository } from '../repository';
import { resetState, stateOf } from '../state/record-state';
import { canonical } from '../mapping/model-mapping';
import { OrmErrors } from '../errors/orm-errors';
import { chunk, mapWithConcurrency } from '../support/pool';
import { isRecordId } from '../support/record-id';
import { markWritten, prepareWrite, PreparedWrite } from './prepare-write';
import type { DeleteResult, WriteResult } from './write-result';
import { BatchOptions, batchOptions, SaveManyOptions, UpsertOptions } from './write-options';
import { asException, entityError, noIdError } from './write-errors';

/**
 * What a new record has that Zoho's insert answer leaves out (it carries the id, times and users only): no
 * tags yet, and the creator as owner when none was sent, as Zoho assigns it without an assignment rule
 * (`lar_id`). A workflow that changes either afterwards shows on `reload()`.
 */
function insertDefaults(
  sent: Record<string, unknown>,
  details: Record<string, unknown>,
  options: SaveManyOptions,
): Record<string, unknown> {
  const defaults: Record<string, unknown> = { Tag: [] };
  if (sent.Owner === undefined && options.larId === undefined && details.Created_By !== undefined)
    defaults.Owner = details.Created_By;
  return defaults;
}

/** `save` sends inserts and updates; `upsert` sends everything to `/upsert`. */
export type WriteMode = 'save' | 'upsert';

/** A checked record of a chunk, with its position in the input. */
interface ReadyWrite {
  index: number;
  prepared: PreparedWrite;
}

/**
 * The batch-write engine behind a repository's `save`, `saveMany`, `upsert`, `remove` and `deleteMany`:
 * records are checked, split into calls of at most `chunkSize`, sent with `concurrency` calls in flight, and
 * Zoho's per-record results are matched back to the inputs (one result per input, in input order; a failed
 * record never fails the others). Written records get their id and system fields and stay bound to the
 * repository they were written through.
 */
export class BatchWriter<T extends object> {
  constructor(private readonly repository: Repository<T>) {}

  /** The write path of save, saveMany and upsert. */
  async write(records: readonly T[], mode: WriteMode, options: UpsertOptions<T>): Promise<WriteResult<T>[]> {
    const { concurrency, chunkSize } = batchOptions(options);
    const duplicateCheck =
      mode === 'upsert' ? this.duplicateCheckFields(options.duplicateCheckFields) : undefined;
    const results = new Array<WriteResult<T>>(records.length);
    // Inserts and updates go to different calls; each chunk is checked just before it is sent, so checking
    // one chunk overlaps the calls of the others.
    const groups: number[][] = [[], []];
    records.forEach((record, index) => {
      const id = (record as { id?: unknown }).id;
      groups[mode === 'save' && id !== undefined && id !== null && id !== '' ? 1 : 0].push(index);
    });
    const chunks = [...chunk(groups[0], chunkSize), ...chunk(groups[1], chunkSize)];
    await mapWithConcurrency(chunks, concurrency, (indexes) =>
      this.writeChunk(records, indexes, mode, options, duplicateCheck, results),
    );
    return results;
  }

  /** Deletes records (or ids); one result per input. Inputs without a valid id fail without a request. */
  async deleteMany(items: ReadonlyArray<T | string>, options: BatchOptions): Promise<DeleteResult<T>[]> {
    const { client, module, mapping } = this.repository;
    const { concurrency, chunkSize } = batchOptions(options);
    const results = new Array<DeleteResult<T>>(items.length);
    const pending: Array<{ index: number; id: string; record?: T }> = [];
    items.forEach((item, index) => {
      const record = typeof item === 'string' ? undefined : item;
      const id = typeof item === 'string' ? item : (item as { id?: unknown }).id;
      if (!isRecordId(id)) {
        const error = OrmErrors.badId(mapping.name, id);
        results[index] = {
          ok: false,
          index,
          record,
          error,
          code: error.errorCode,
          message: error.errorMessage,
        };
        return;
      }
      pending.push({ index, id, record });
    });
    await mapWithConcurrency(chunk(pending, chunkSize), concurrency, async (part) => {
      let response: HttpResponse<WriteResultsJson>;
      try {
        response = await deleteRecords(
          client,
          module,
          part.map((p) => p.id),
        );
      } catch (error) {
        const cause = asException(error);
        // Retries ran out while the answer was lost: the records may be deleted or not.
        const unknown = mayHaveBeenProcessed(cause);
        for (const p of part) {
          const failure = unknown
            ? OutcomeUnknownException.lost('delete', p.index, `${mapping.name} ${p.id}`, cause)
            : cause;
          results[p.index] = {
            ok: false,
            index: p.index,
            id: p.id,
            record: p.record,
            error: failure,
            code: failure.errorCode,
            message: failure.errorMessage,
          };
        }
        return;
      }
      const matched = matchEntityResponses<(typeof part)[number], unknown>(
        part,
        response.data?.data,
        (p) => p.id,
      );
      matched.forEach((entity, i) => {
        const { index, id, record } = part[i];
        if (entity.isSuccess || deletedByLostAttempt(entity, response)) {
          if (record) {
            (record as { id?: string }).id = undefined;
            resetState(record, { repository: stateOf(record).repository, synced: new Map() });
          }
          results[index] = { ok: true, index, id, record, response: entity };
        } else {
          const error = entityError(entity, response);
          results[index] = {
            ok: false,
            index,
            id,
            record,
            error,
            code: error.errorCode,
            message: error.errorMessage,
            response: entity,
          };
        }
      });
    });
    return results;
  }

  private async writeChunk(
    records: readonly T[],
    indexes: number[],
    mode: WriteMode,
    options: SaveManyOptions,
    duplicateCheck: string[] | undefined,
    results: WriteResult<T>[],
  ): Promise<void> {
    const repository = this.repository;
    const fail = (index: number, error: ZCRMException, response?: EntityResponse<T>) => {
      results[index] = {
        ok: false,
        index,
        record: records[index],
        error,
        code: error.errorCode,
        message: error.errorMessage,
        response,
      };
    };
    let ready: ReadyWrite[] = [];
    for (const index of indexes) {
      const record = records[index];
      try {
        const prepared = await prepareWrite(
          record,
          repository.mapping,
          mode,
          records.length > 1 ? index : undefined,
        );
        if (prepared instanceof ZCRMException) fail(index, prepared);
        else if (prepared.kind === 'none') {
          stateOf(record).repository ??= repository;
          results[index] = { ok: true, index, record, id: (record as { id: string }).id, action: 'none' };
        } else ready.push({ index, prepared });
      } catch (error) {
        fail(index, asException(error));
      }
    }
    if (ready.length === 0) return;
    let kind = ready[0].prepared.kind;
    const body = {
      data: ready.map((r) => r.prepared.json),
      ...writeOptionsBody(options, kind !== 'update'),
      ...(duplicateCheck ? { duplicate_check_fields: duplicateCheck } : {}),
    };
    const { client, module } = repository;
    let response: HttpResponse<WriteResultsJson>;
    try {
      response =
        kind === 'insert'
          ? await insertRecords(client, module, body)
          : kind === 'update'
            ? await updateRecords(client, module, body)
            : await upsertRecords(client, module, body);
    } catch (error) {
      const failure = asException(error);
      // Updates and upserts are retried by the transport when their answer is lost (repeating them is
      // harmless); an insert is not, as it would store the record twice.
      if (kind !== 'insert' || !mayHaveBeenProcessed(failure)) {
        for (const r of ready) fail(r.index, failure);
        return;
      }
      const resent = await this.resendLostInsert(records, ready, body, options, failure, results);
      if (!resent) return;
      ({ response, ready } = resent);
      kind = 'upsert';
    }
    const matched = matchEntityResponses<(typeof ready)[number], T>(ready, response.data?.data, (r) =>
      kind === 'update' ? String(r.prepared.json.id) : undefined,
    );
    for (const [i, entity] of matched.entries()) {
      const { index, prepared } = ready[i];
      const record = records[index];
      const id = typeof entity.details.id === 'string' ? entity.details.id : undefined;
      if (!entity.isSuccess || id === undefined) {
        fail(index, entity.isSuccess ? noIdError(entity, response) : entityError(entity, response), entity);
        continue;
      }
      entity.data = record;
      const action = kind === 'upsert' ? (entity.upsertAction === 'update' ? 'update' : 'insert') : kind;
      const details = { ...entity.details, id };
      if (action === 'insert') Object.assign(details, insertDefaults(prepared.json, details, options));
      markWritten(record, prepared);
      this.applyDetails(record, details);
      const state = stateOf(record);
      state.repository ??= repository;
      let reloadError: ZCRMException | undefined;
      if (options.reload ?? prepared.needsReload) {
        try {
          await repository.reload(record);
        } catch (error) {
          reloadError = asException(error);
        }
      }
      results[index] = {
        ok: true,
        index,
        record,
        id,
        action,
        response: entity,
        ...(reloadError ? { reloadError } : {}),
      };
    }
  }

  /**
   * An insert call whose answer was lost may or may not have stored its records. The records that carry a
   * value of a unique field (or of `duplicateCheckFields`) are sent again as an upsert matched on it, so each
   * ends stored exactly once with a known id, whichever way the lost call went; the others (and all of them
   * when the upsert fails too) get an {@link OutcomeUnknownException}, never a success or a failure.
   * Returns the upsert's answer and the records it carried, or undefined when nothing was sent again.
   */
  private async resendLostInsert(
    records: readonly T[],
    ready: ReadyWrite[],
    body: Record<string, unknown> & { data: unknown[] },
    options: SaveManyOptions,
    lost: ZCRMException,
    results: WriteResult<T>[],
  ): Promise<{ response: HttpResponse<WriteResultsJson>; ready: ReadyWrite[] } | undefined> {
    const { mapping, client, module } = this.repository;
    const unknown = (r: ReadyWrite, cause: ZCRMException) => {
      const error = OutcomeUnknownException.lost('insert', r.index, `${mapping.name} #${r.index}`, cause);
      results[r.index] = {
        ok: false,
        index: r.index,
        record: records[r.index],
        error,
        code: error.errorCode,
        message: error.errorMessage,
      };
    };
    const keys = this.identifyingFields(options);
    const callerAborted = lost instanceof ConnectionException && lost.failure === 'aborted';
    const resend = callerAborted
      ? []
      : ready.filter((r) => keys.some((key) => !isBlank(r.prepared.json[key])));
    for (const r of ready) if (!resend.includes(r)) unknown(r, lost);
    if (resend.length === 0) return undefined;
    try {
      const response = await upsertRecords(client, module, {
        ...body,
        data: resend.map((r) => r.prepared.json),
        duplicate_check_fields: keys,
      });
      return { response, ready: resend };
    } catch (error) {
      for (const r of resend) unknown(r, asException(error));
      return undefined;
    }
  }

  /** The fields that name at most one record: `duplicateCheckFields` when given, else the model's unique fields. */
  private identifyingFields(options: SaveManyOptions): string[] {
    const given = this.duplicateCheckFields(options.duplicateCheckFields);
    if (given) return given;
    return this.repository.mapping.writable.filter((f) => f.unique).map((f) => f.apiName);
  }

  /**
   * Sets what a write result reports (id, times, users, and the insert defaults) on the record; a writable
   * field set so counts as what Zoho has, so the next save does not send it back.
   */
  private applyDetails(record: T, details: Record<string, unknown>): void {
    const mapping = this.repository.mapping;
    const fresh = mapping.hydrate<Record<string, unknown>>(details, this.repository.loader);
    const synced = stateOf(record).synced;
    for (const field of mapping.fields) {
      if (!Object.prototype.hasOwnProperty.call(details, field.apiName)) continue;
      const value = fresh[field.propertyName];
      (record as Record<string, unknown>)[field.propertyName] = value;
      if (!field.readonly)
        synced.set(field.apiName, canonical(mapping.codec(field.propertyName)!.write(value, { issues: [] })));
    }
  }

  /** The API names of `duplicateCheckFields` (properties or API names). */
  private duplicateCheckFields(fields: ReadonlyArray<string> | undefined): string[] | undefined {
    if (fields === undefined) return undefined;
    const mapping = this.repository.mapping;
    return fields.map((name) => {
      const field = mapping.meta.field(name) ?? mapping.meta.fieldByApiName(name);
      if (!field) throw OrmErrors.unknownDuplicateField(mapping.name, name);
      return field.apiName;
    });
  }
}

/** No value to match a record by. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * A delete is idempotent by id, so the transport retries it when an answer is lost. When the lost attempt did
 * delete a record, the retry's answer for it is Zoho's `INVALID_DATA` ("the id given seems to be invalid"):
 * that record is gone, which is what was asked. A delete answered so without a lost attempt stays a failure.
 */
function deletedByLostAttempt(entity: EntityResponse<unknown>, response: HttpResponse<unknown>): boolean {
  return response.replayedAfterLostAnswer === true && entity.code === 'INVALID_DATA';
}
