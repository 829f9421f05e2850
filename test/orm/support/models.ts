import { IsEmail, IsNotEmpty, IsOptional, Length, Min } from 'class-validator';
import { CrmModule, Field, LineItems, LineTaxes, Lookup, UserLookup } from '../../../decorators';
import { CrmRecord, LineItem, Ref, Tax, UserRef } from '../../../src/orm';

/** Models the ORM tests declare (field API names from the emulator's standard modules). */

@CrmModule('Accounts')
export class Account extends CrmRecord {
  @Field('Account_Name') @IsNotEmpty() name!: string;
  @Field('Employees', { type: 'integer' }) @IsOptional() @Min(0) employees?: number;
  @Field('Industry', { type: 'picklist' }) industry?: string;
  @Field('Annual_Revenue', { type: 'currency' }) annualRevenue?: number;
  @Lookup('Parent_Account', () => Account) parent?: Ref<Account>;
  @Field('Description', { type: 'textarea' }) description?: string;
}

@CrmModule('Products')
export class Product extends CrmRecord {
  @Field('Product_Name') @IsNotEmpty() name!: string;
  @Field('Unit_Price', { type: 'currency' }) unitPrice?: number;
  @Field('Product_Active') active?: boolean;
  @Field('Sales_Start_Date', { type: 'date' }) salesStart?: string;
  @UserLookup('Handler') handler?: UserRef;
}

@CrmModule('Invoices')
export class Invoice extends CrmRecord {
  @Field('Subject') @IsNotEmpty() subject!: string;
  @Field('Status', { type: 'picklist' }) status?:
    'Created' | 'Approved' | 'Delivered' | 'Cancelled' | (string & {});
  @Field('Due_Date', { type: 'date' }) dueDate?: string;
  @Field('Invoice_Date', { type: 'date' }) invoiceDate?: string;
  @Lookup('Account_Name', () => Account) account?: Ref<Account>;
  @LineItems() lines: LineItem[] = [];
  @LineTaxes() taxes: Tax[] = [];
  @Field('Adjustment', { type: 'currency' }) adjustment?: number;
  @Field('Sub_Total', { readonly: true, type: 'currency' }) subTotal?: number;
  @Field('Grand_Total', { readonly: true, type: 'currency' }) grandTotal?: number;
  @Field('Invoice_Number', { readonly: true, type: 'autonumber' }) number?: string;
  @Field('Description', { type: 'textarea' }) description?: string;
}

@CrmModule('Leads')
export class Lead extends CrmRecord {
  @Field('First_Name') firstName?: string;
  @Field('Last_Name') @IsNotEmpty() @Length(1, 80) lastName!: string;
  @Field('Company') company?: string;
  @Field('Email', { type: 'email' }) @IsOptional() @IsEmail() email?: string;
  @Field('Lead_Source', { type: 'picklist' }) leadSource?: string;
  @Field('Annual_Revenue', { type: 'currency' }) annualRevenue?: number;
  @Field('No_of_Employees', { type: 'integer' }) employees?: number;
  @Field('Email_Opt_Out') emailOptOut?: boolean;
  @Field('Description', { type: 'textarea' }) description?: string;
}

@CrmModule('Deals')
export class Deal extends CrmRecord {
  @Field('Deal_Name') @IsNotEmpty() name!: string;
  @Field('Stage', { type: 'picklist' }) stage!: string;
  @Field('Amount', { type: 'currency' }) amount?: number;
  @Field('Closing_Date', { type: 'date' }) closingDate?: string;
  @Lookup('Account_Name', () => Account) account?: Ref<Account>;
}
