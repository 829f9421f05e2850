import { ValidationException } from '../../errors/validation-exception';

/** One field that failed validation. */
export interface FieldProblem {
  /** The property path (`subject`, `lines[0].quantity`). */
  property: string;
  /** The Zoho API name of the field, when the property is one (`Subject`, `Product_Details`). */
  apiName?: string;
  /** What is wrong, one sentence per failed rule. */
  messages: string[];
  /** The class-validator constraint names that failed (`isNotEmpty` …); `zcrm` for the ORM's own checks. */
  constraints: string[];
}

/**
 * A record failed validation before anything was sent (statusCode 0): the class-validator rules of the
 * model, and the ORM's own checks of values Zoho could not take (a date field that is not `YYYY-MM-DD`, a
 * line item without product …). Lists every bad field at once, in `fields` and in the message.
 */
export class CrmValidationError extends ValidationException {
  /** Every bad field. */
  readonly fields: readonly FieldProblem[];

  constructor(model: string, fields: readonly FieldProblem[], recordIndex?: number) {
    const where = recordIndex === undefined ? model : `${model} (record ${recordIndex})`;
    const list = fields
      .map(
        (f) =>
          `${f.property}${f.apiName && f.apiName !== f.property ? ` (${f.apiName})` : ''}: ${f.messages.join('; ')}`,
      )
      .join(' | ');
    super({
      statusCode: 0,
      errorCode: 'VALIDATION_FAILED',
      errorMessage: `${where} is not valid, ${fields.length} bad field${fields.length === 1 ? '' : 's'}: ${list}`,
      errorDetails: { model, fields: fields.map((f) => ({ ...f })) },
    });
    this.fields = Object.freeze(fields.map((f) => Object.freeze({ ...f })));
  }
}
