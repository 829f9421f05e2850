import { getMetadataStorage } from '../src/metadata/metadata-storage';

/**
 * Binds a class to a Zoho CRM module (`Invoices`, `Leads`, a custom `Projects__c`):
 * ```ts
 * @CrmModule('Invoices')
 * class Invoice extends CrmRecord { @Field('Subject') subject!: string }
 * ```
 * The model is checked as a whole here (API names unique, line items only on inventory modules …), so a
 * mistake fails where the class is defined. Subclasses inherit the module and the fields.
 */
export function CrmModule(moduleApiName: string): ClassDecorator {
  return (target) => {
    getMetadataStorage().setModule(target, moduleApiName);
  };
}
