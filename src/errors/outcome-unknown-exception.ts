import { ZCRMException } from './zcrm-exception';

/**
 * A write was sent, but its answer was lost (connection reset, timeout, a 5xx after the request arrived): Zoho may
 * or may not have stored it, and sending it again could store it twice. The record is neither written nor failed;
 * look it up (by a unique value, or in the module) before writing it again. `cause` is the error that lost the
 * answer.
 */
export class OutcomeUnknownException extends ZCRMException {
  /** The write whose fate is unknown. */
  readonly operation: 'insert' | 'delete';
  /** The input's position in the batch. */
  readonly index: number;

  constructor(
    init: ConstructorParameters<typeof ZCRMException>[0] & { operation: 'insert' | 'delete'; index: number },
  ) {
    super(init);
    this.operation = init.operation;
    this.index = init.index;
  }

  /** The answer to the call that carried record `index` (named `what`) was lost. */
  static lost(
    operation: 'insert' | 'delete',
    index: number,
    what: string,
    cause: ZCRMException,
  ): OutcomeUnknownException {
    const why =
      operation === 'insert'
        ? 'it may have been stored; it was not sent again because it has no unique value to match it by'
        : 'it may have been deleted';
    return new OutcomeUnknownException({
      statusCode: cause.statusCode,
      errorCode: 'OUTCOME_UNKNOWN',
      errorMessage: `the answer to the ${operation} of ${what} was lost (${cause.errorCode}): ${why}`,
      url: cause.url,
      cause,
      operation,
      index,
    });
  }
}
