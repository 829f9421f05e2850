import { ZCRMException } from './zcrm-exception';

/** A query that cannot be expressed (or that Zoho could not parse): bad operators, limits exceeded, syntax. */
export class QueryCompileException extends ZCRMException {
  /** The query cannot be compiled; `reason` says why. */
  static invalid(reason: string, details?: unknown): QueryCompileException {
    return new QueryCompileException({
      errorCode: 'QUERY_COMPILE_ERROR',
      errorMessage: reason,
      errorDetails: details,
    });
  }
}
