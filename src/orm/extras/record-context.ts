import { ZCRMRecord } from '../../api/entities/zcrm-record';
import { ValidationException } from '../../errors/validation-exception';
import { className } from '../../metadata/metadata-exception';
import { describeValue } from '../../api/support/describe-value';
import { getMetadataStorage } from '../../metadata/metadata-storage';
import type { ModelMetadata } from '../../metadata/model-metadata';
import { isUploadSource, UploadOptions } from '../../api/files/upload-source';
import { ZCRMRestClient } from '../../api/rest-client';
import { stateOf } from '../state/record-state';

/**
 * What the record extras (notes, attachments, photo, tags, related lists) need of a record: an instance of a
 * model class (`@CrmModule`, or `defineModel`) and its `id` once saved. `CrmRecord` instances are this.
 */
export interface ExtrasRecord {
  id?: string | null;
}

/** Options every extra takes. */
export interface ExtrasOptions {
  /**
   * The client to call with. By default, the client of the repository the record was read or saved through
   * (so records of several orgs each go to their own), else the process-wide `ZCRMRestClient.getInstance()`.
   */
  client?: ZCRMRestClient;
}

/** A saved record, resolved for one extra: its model, module, id and client. */
export interface ResolvedRecord {
  model: ModelMetadata;
  moduleApiName: string;
  id: string;
  client: ZCRMRestClient;
  /** `Invoice.addNote()` — names the call in messages. */
  operation: string;
  /**
   * The record as the API services take it (same module, id and client); the notes and attachments they return
   * hang off it (`note.parentRecord`), so `note.getAttachments()` or `attachment.download()` keep working.
   */
  parent: ZCRMRecord;
}

/**
 * Resolves what an extra works on, before any request: the record's model (a {@link ModelMetadataException}
 * when its class is not a model) and its id (a {@link ValidationException}, statusCode 0, when it has none:
 * the record must be saved or loaded first).
 */
export function resolveRecord(
  record: ExtrasRecord,
  operation: string,
  options: ExtrasOptions = {},
): ResolvedRecord {
  if (typeof record !== 'object' || record === null) {
    throw ValidationException.invalidInput(
      'record',
      `${operation}() needs a record, got ${describeValue(record)}`,
    );
  }
  const model = getMetadataStorage().getModel(record.constructor);
  const name = `${model.name}.${operation}()`;
  const id = record.id;
  if (typeof id !== 'string' || id.trim() === '') {
    throw ValidationException.invalidInput(
      `${model.name}.id`,
      `${name} needs a saved record: this ${model.moduleApiName} record has no id yet (save it first, or load it)`,
    );
  }
  // The client the record was read or saved through (its repository's), else the process-wide one.
  const client =
    options.client ?? stateOf(record as object).repository?.client ?? ZCRMRestClient.getInstance();
  return {
    model,
    moduleApiName: model.moduleApiName,
    id,
    client,
    operation: name,
    parent: new ZCRMRecord(model.moduleApiName, id, client),
  };
}

/** The id of a record given as an id string or as a record (model instance or anything with an `id`). */
export function idOf(value: unknown, argument: string, operation: string): string {
  if (typeof value === 'string') {
    if (value.trim() !== '') return value;
  } else if (typeof value === 'object' && value !== null) {
    const id = value instanceof ZCRMRecord ? value.entityId : (value as { id?: unknown }).id;
    if (typeof id === 'string' && id.trim() !== '') return id;
    throw ValidationException.invalidInput(
      argument,
      `${operation} needs saved records: this ${className(value.constructor)} has no id yet`,
    );
  }
  throw ValidationException.invalidInput(
    argument,
    `${operation} needs an id string or a saved record, got ${describeValue(value)}`,
  );
}

/**
 * Checks an upload source before any request and picks the upload options (file name, content type) out of
 * an extra's options.
 */
export function uploadOptionsFor(operation: string, source: unknown, options: UploadOptions): UploadOptions {
  if (!isUploadSource(source)) {
    throw ValidationException.invalidInput(
      'source',
      `${operation} needs a file path, a Buffer or a Readable stream, got ${describeValue(source)}`,
    );
  }
  const upload: UploadOptions = {};
  if (options.fileName !== undefined) upload.fileName = options.fileName;
  if (options.contentType !== undefined) upload.contentType = options.contentType;
  return upload;
}
