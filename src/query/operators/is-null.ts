import { FindOperator } from './find-operator';

/** `field is null`: the field is empty. `Not(IsNull())` is `is not null`. */
export function IsNull(): FindOperator<never> {
  return new FindOperator<never>('isNull', undefined);
}
