import { ZCRMException } from '../../errors/zcrm-exception';
import { ValidationException } from '../../errors/validation-exception';
import { QueryCompileException } from '../../errors/query-compile-exception';

function invalid(code: string, message: string, details: Record<string, unknown>): ValidationException {
  return new ValidationException({
    statusCode: 0,
    errorCode: code,
    errorMessage: message,
    errorDetails: details,
  });
}

/** The ORM's errors raised before any request (statusCode 0); factories own the messages. */
export const OrmErrors = {
  /** A record id that Zoho cannot have. */
  badId(model: string, id: unknown): ValidationException {
    return invalid('INVALID_ID', `${model}: a record id is a string of digits, got ${JSON.stringify(id)}`, {
      model,
      id,
    });
  },

  /** An option out of range (`concurrency: 0` …). */
  badOption(option: string, problem: string): ValidationException {
    return invalid('INVALID_OPTION', `${option}: ${problem}`, { option });
  },

  /** A record of another model given to a repository. */
  wrongModel(expected: string, got: string): ValidationException {
    return invalid('WRONG_MODEL', `expected a ${expected} record, got ${got}`, { expected, got });
  },

  /** `remove()`/`reload()` of a record that was never saved. */
  notPersisted(model: string, action: string): ValidationException {
    return invalid('NOT_SAVED', `${model}: cannot ${action} a record that has no id (it was never saved)`, {
      model,
      action,
    });
  },

  /** A duplicate-check field that is neither a property nor an API name of the model. */
  unknownDuplicateField(model: string, field: string): ValidationException {
    return invalid(
      'UNKNOWN_FIELD',
      `duplicateCheckFields: ${model} has no field "${field}" (give a property or an API name)`,
      { model, field },
    );
  },

  /** A `relations` entry that names no lookup to a model. */
  badRelation(model: string, property: string, problem: string): ValidationException {
    return invalid('INVALID_OPTION', `relations: ${model}.${property} cannot be loaded: ${problem}`, {
      option: 'relations',
      model,
      property,
    });
  },

  /** A structured field (line items, subform) changed on a record read without it. */
  notLoaded(model: string, property: string, apiName: string): ValidationException {
    return invalid(
      'FIELD_NOT_LOADED',
      `${model}.${property} (${apiName}) was not read with this record (COQL and select do not return it), so saving it would replace the rows Zoho has: reload() the record before changing it`,
      { model, property, apiName },
    );
  },

  /** A paging reader that cannot go on without skipping or repeating records. */
  cannotPage(model: string, reached: number, reason: string): QueryCompileException {
    return new QueryCompileException({
      statusCode: 0,
      errorCode: 'QUERY_LIMIT_EXCEEDED',
      errorMessage: `${model}: stopped after ${reached} records because ${reason}`,
      errorDetails: { model, reached, limit: 'COQL_OFFSET' },
    });
  },

  /** A response that breaks the paging contract (more records announced, none sent). */
  brokenPage(model: string, url: string | undefined, problem: string): ZCRMException {
    return new ZCRMException({
      statusCode: 0,
      errorCode: 'INVALID_RESPONSE',
      errorMessage: `${model}: ${problem}`,
      url,
    });
  },
};
