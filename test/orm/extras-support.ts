/** Shared fixtures of the record-extras tests: test models, a client on a fresh emulator, records made with raw JSON. */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { CrmModule, Field, Lookup } from '../../decorators';
import { CrmRecord, getRepository, Ref } from '../../src/orm';
import type { ModelConstructor } from '../../src/orm';
import { startSdkEmulator } from '../support/sub-resource-fixtures';

export {
  expectClientSideRejection,
  rejectionOf,
  MISSING_ID,
  stopSdkEmulator,
} from '../support/sub-resource-fixtures';

@CrmModule('Leads')
export class Lead extends CrmRecord {
  @Field('Last_Name') lastName!: string;
  @Field('Company') company?: string;
}

@CrmModule('Contacts')
export class Contact extends CrmRecord {
  @Field('Last_Name') lastName!: string;
}

@CrmModule('Accounts')
export class Account extends CrmRecord {
  @Field('Account_Name') name!: string;
}

@CrmModule('Products')
export class Product extends CrmRecord {
  @Field('Product_Name') name!: string;
  @Field('Unit_Price', { type: 'currency' }) unitPrice?: number;
  /** The relation field of the Price_Books ↔ Products list. */
  @Field('list_price', { type: 'currency', readonly: true }) listPrice?: number;
}

@CrmModule('Price_Books')
export class PriceBook extends CrmRecord {
  @Field('Price_Book_Name') name!: string;
}

@CrmModule('Deals')
export class Deal extends CrmRecord {
  @Field('Deal_Name') name!: string;
  @Field('Stage') stage!: string;
  @Lookup('Account_Name', () => Account) account?: Ref<Account>;
}

/** A class that is not a model. */
export class NotAModel {
  id = '3652397000000000001';
}

/** A fresh emulator without demo data and a client on it. */
export function startExtrasEmulator(): Promise<{ emulator: RunningEmulator; client: ZCRMRestClient }> {
  return startSdkEmulator();
}

/**
 * Creates a record with raw JSON (independent of the ORM's writes) and reads it back through a repository on
 * `client`, so the instance is bound to that client as the records the ORM reads are.
 */
export async function saved<T extends CrmRecord>(
  client: ZCRMRestClient,
  Model: ModelConstructor<T>,
  module: string,
  fields: Record<string, unknown>,
): Promise<T> {
  const response = await client.request<{ data: Array<{ status: string; details: { id: string } }> }>({
    method: 'POST',
    path: module,
    body: { data: [fields] },
  });
  const item = response.data!.data[0];
  if (item.status !== 'success')
    throw new Error(`could not create a ${module} record: ${JSON.stringify(item)}`);
  return getRepository(Model, client).findByIdOrFail(item.details.id);
}

/** Every byte value, in random order, plus random bytes: any text decoding on the way would show. */
export function binaryContent(): Buffer {
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return Buffer.concat([all, randomBytes(64 * 1024), all.reverse()]);
}

/** The 8-byte PNG signature plus random bytes. */
export function pngBytes(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2048)]);
}

/** A writable that keeps what it receives. */
export function collector(): Writable & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(sink, { bytes: () => Buffer.concat(chunks) });
}
