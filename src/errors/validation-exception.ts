import { ZCRMException } from './zcrm-exception';

/** Input that Zoho rejected, or that the SDK rejects before sending (statusCode 0). */
export class ValidationException extends ZCRMException {
  /** An input value the SDK refuses before any request is made. */
  static invalidInput(field: string, problem: string): ValidationException {
    return new ValidationException({
      statusCode: 0,
      errorCode: 'INVALID_INPUT',
      errorMessage: `${field}: ${problem}`,
      errorDetails: { field },
    });
  }
}
