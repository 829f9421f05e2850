import { IsEmail, IsNotEmpty, IsOptional, Length } from 'class-validator';
import { CrmModule, Field, LineItems, Lookup } from '../../decorators';
import { CrmRecord, LineItem, Ref } from '../../src/orm';

/** The models the ORM benchmarks read and write (standard-module API names). */

@CrmModule('Accounts')
export class Account extends CrmRecord {
  @Field('Account_Name') @IsNotEmpty() name!: string;
}

@CrmModule('Products')
export class Product extends CrmRecord {
  @Field('Product_Name') @IsNotEmpty() name!: string;
  @Field('Unit_Price', { type: 'currency' }) unitPrice?: number;
}

@CrmModule('Invoices')
export class Invoice extends CrmRecord {
  @Field('Subject') @IsNotEmpty() subject!: string;
  @Field('Status', { type: 'picklist' }) status?: string;
  @Field('Due_Date', { type: 'date' }) dueDate?: string;
  @Lookup('Account_Name', () => Account) account?: Ref<Account>;
  @LineItems() lines: LineItem[] = [];
  @Field('Grand_Total', { readonly: true, type: 'currency' }) grandTotal?: number;
}

@CrmModule('Leads')
export class Lead extends CrmRecord {
  @Field('First_Name') firstName?: string;
  @Field('Last_Name') @IsNotEmpty() @Length(1, 80) lastName!: string;
  @Field('Company') company?: string;
  @Field('Email', { type: 'email' }) @IsOptional() @IsEmail() email?: string;
  @Field('Description', { type: 'textarea' }) @IsOptional() @Length(0, 32000) description?: string;
}

@CrmModule('Contacts')
export class Contact extends CrmRecord {
  @Field('First_Name') firstName?: string;
  @Field('Last_Name') @IsNotEmpty() lastName!: string;
  @Field('Secondary_Email', { type: 'email' }) @IsOptional() @IsEmail() email?: string;
  @Field('Phone', { type: 'phone' }) phone?: string;
  @Field('Mailing_City') city?: string;
  @Field('Description', { type: 'textarea' }) description?: string;
}
