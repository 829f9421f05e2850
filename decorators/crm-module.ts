import { ModelDecorator, registerModel } from '../src/metadata/register-property';

/**
 * Binds a class to a Zoho CRM module (`Invoices`, `Leads`, a custom `Projects__c`):
 * ```ts
 * @CrmModule('Invoices')
 * class Invoice extends CrmRecord { @Field('Subject') subject!: string }
 * ```
 * The model is checked as a whole here (API names unique, line items only on inventory modules, every
 * field's data type known …), so a mistake fails where the class is defined. Subclasses inherit the module
 * and the fields. Works as a legacy (`experimentalDecorators`) and as a TypeScript 5 standard decorator.
 */
export function CrmModule(moduleApiName: string): ModelDecorator {
  return (...args: unknown[]) => registerModel(moduleApiName, args);
}
