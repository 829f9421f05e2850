/**
 * `zcrm/decorators`: the decorators that declare record models. They record metadata and nothing else
 * (no request is made, nothing is validated at run time but the declaration itself).
 */
import 'reflect-metadata';

export { CrmModule } from './crm-module';
export { Field } from './field';
export { Lookup } from './lookup';
export { Owner } from './owner';
export { UserLookup } from './user-lookup';
export { LineItems } from './line-items';
export type { LineItemsOptions } from './line-items';
export { LineTaxes } from './line-taxes';
export { Subform } from './subform';
export { Participants } from './participants';
export { PricingDetails } from './pricing-details';
export type { FieldOptions, PlainFieldOptions } from './field-options';
export { defineModel } from '../src/metadata/define-model';
export type { ZohoDataType } from '../src/metadata/field-metadata';
export type { FieldDecorator } from '../src/metadata/register-property';
