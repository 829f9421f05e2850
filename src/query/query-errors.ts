import { QueryCompileException } from '../errors/query-compile-exception';
import { QUERY_LIMITS, QueryLimitName } from './limits';

/** What each limit is, in words, for messages. */
const LIMIT_TEXT: Record<QueryLimitName, string> = {
  SEARCH_CRITERIA: 'search criteria take at most 10 conditions',
  SEARCH_IN_VALUES: 'a search "in" takes at most 100 values',
  SEARCH_RECORDS: 'search reaches at most 2,000 records (page × per_page ≤ 2000)',
  PER_PAGE: 'a page holds at most 200 records (per_page ≤ 200)',
  COQL_CRITERIA: 'a COQL where clause takes at most 25 comparisons',
  COQL_IN_VALUES: 'a COQL "in" takes at most 50 values',
  COQL_COLUMNS: 'a COQL select takes at most 50 columns',
  COQL_LIMIT: 'a COQL call returns at most 2,000 records (limit ≤ 2000)',
  COQL_OFFSET: 'COQL reaches at most 10,000 records by limit and offset (offset + limit ≤ 10000)',
};

function make(code: string, message: string, details: Record<string, unknown>): QueryCompileException {
  return new QueryCompileException({
    statusCode: 0,
    errorCode: code,
    errorMessage: message,
    errorDetails: details,
  });
}

/**
 * The query compiler's errors: all {@link QueryCompileException}s raised before any request
 * (statusCode 0), each naming the model, the property or the limit at fault.
 */
export const QueryErrors = {
  /** A Zoho limit a query goes past; `details.limit` names it. */
  limitExceeded(
    limit: QueryLimitName,
    actual: number,
    context: string,
    hint?: string,
  ): QueryCompileException {
    const max = QUERY_LIMITS[limit];
    return make(
      'QUERY_LIMIT_EXCEEDED',
      `${context}: ${LIMIT_TEXT[limit]}, this query needs ${actual} (limit ${limit})${hint ? `; ${hint}` : ''}`,
      { limit, max, actual },
    );
  },

  /** A property the model does not have. */
  unknownField(model: string, property: string, clause: string): QueryCompileException {
    return make('UNKNOWN_FIELD', `${clause}: ${model} has no field "${property}"`, {
      model,
      property,
      clause,
    });
  },

  /** A field Zoho cannot filter, sort or select on (line items, subforms, tags …). */
  notQueryable(
    model: string,
    property: string,
    apiName: string,
    dataType: string,
    clause: string,
  ): QueryCompileException {
    return make(
      'FIELD_NOT_QUERYABLE',
      `${clause}: ${model}.${property} (${apiName}, ${dataType}) cannot be used in queries`,
      { model, property, apiName, dataType, clause },
    );
  },

  /** A value that does not fit its field. */
  badValue(model: string, property: string, problem: string): QueryCompileException {
    return make('INVALID_QUERY_VALUE', `where.${property} of ${model}: ${problem}`, { model, property });
  },

  /**
   * An operator Zoho does not allow on the field's type. When the type was inferred (a `string` property
   * read as text), the message says how to declare it.
   */
  operatorNotAllowed(
    model: string,
    property: string,
    operator: string,
    dataType: string,
    inferredFrom?: string,
  ): QueryCompileException {
    const hint = inferredFrom
      ? ` (the type was inferred from the property; if ${inferredFrom} is a date, number or picklist field, declare it: @Field('${inferredFrom}', { type: 'date' }))`
      : '';
    return make(
      'OPERATOR_NOT_ALLOWED',
      `where.${property} of ${model}: ${operator} cannot be used on a ${dataType} field${hint}`,
      { model, property, operator, dataType },
    );
  },

  /** Malformed options (`take: -1`, `where: []` …). */
  badOption(option: string, problem: string): QueryCompileException {
    return make('INVALID_QUERY_OPTION', `${option}: ${problem}`, { option });
  },

  /** The query cannot run on the backend it was compiled for; `reason` says why. */
  backendCannotRun(backend: string, reason: string): QueryCompileException {
    return make('QUERY_BACKEND_UNSUITABLE', `The ${backend} API cannot run this query: ${reason}`, {
      backend,
      reason,
    });
  },
};
