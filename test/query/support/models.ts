import { CrmModule, Field, LineItems, Lookup } from '../../../decorators';

/** A lookup value as the ORM will type it (`Ref<T>` carries the id and display name). */
export type Ref<T> = { id: string; name?: string; readonly __target?: T };
export type UserRef = { id: string; name?: string; email?: string };

/** Stands in for the ORM's `CrmRecord`: the system properties every model has (the registry knows their API names). */
export abstract class TestRecord {
  id?: string;
  createdTime?: Date;
  modifiedTime?: Date;
  owner?: UserRef;
  createdBy?: UserRef;
  modifiedBy?: UserRef;
  tags?: Array<{ name: string; id: string }>;
  /** A method, to show that methods are not fields. */
  describe(): string {
    return `${this.constructor.name} ${this.id ?? '(new)'}`;
  }
}

@CrmModule('Accounts')
export class Account extends TestRecord {
  @Field('Account_Name') name!: string;
  @Field('Employees', { type: 'integer' }) employees?: number;
  @Lookup('Parent_Account', () => Account) parent?: Ref<Account>;
  /** A custom field named like a COQL keyword. */
  @Field('External') external?: string;
}

@CrmModule('Leads')
export class Lead extends TestRecord {
  @Field('First_Name') firstName?: string;
  @Field('Last_Name') lastName!: string;
  @Field('Company') company?: string;
  @Field('Email', { type: 'email' }) email?: string;
  @Field('Lead_Source', { type: 'picklist' }) leadSource?: string;
  @Field('Annual_Revenue', { type: 'currency' }) annualRevenue?: number;
  @Field('No_of_Employees', { type: 'integer' }) employees?: number;
  @Field('Email_Opt_Out') emailOptOut?: boolean;
  /** Inferred: multiselectpicklist. */
  @Field('Hobbies') hobbies?: string[];
  /** Inferred: datetime. */
  @Field('Follow_Up') followUp?: Date;
  @Field('Description', { type: 'textarea' }) description?: string;
  /** A custom text field for the escaping property tests. */
  @Field('Probe') probe?: string;
}

@CrmModule('Deals')
export class Deal extends TestRecord {
  @Field('Deal_Name') name!: string;
  @Field('Stage', { type: 'picklist' }) stage!: string;
  @Field('Amount', { type: 'currency' }) amount?: number;
  @Field('Closing_Date', { type: 'date' }) closingDate?: string;
  @Field('Probability', { type: 'integer' }) probability?: number;
  @Lookup('Account_Name', () => Account) account?: Ref<Account>;
}

@CrmModule('Invoices')
export class Invoice extends TestRecord {
  @Field('Subject') subject!: string;
  @Field('Status', { type: 'picklist' }) status?: 'Created' | 'Approved' | (string & {});
  @Field('Due_Date', { type: 'date' }) dueDate?: string;
  @Lookup('Account_Name', () => Account) account?: Ref<Account>;
  @LineItems() lines: unknown[] = [];
  @Field('Grand_Total', { readonly: true, type: 'currency' }) grandTotal?: number;
}
