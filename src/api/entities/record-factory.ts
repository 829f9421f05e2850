import { ZCRMException } from '../../errors/zcrm-exception';
import type { ZCRMRestClient } from '../rest-client';
import type { ZCRMRecord } from './zcrm-record';

/**
 * How the modules below `zcrm-record.ts` make and recognise records. Records hold records (lookups, line-item
 * products, the parents of attachments and notes), and the code that builds them from JSON (mappers,
 * attachments, notes) is what `ZCRMRecord`'s own methods call; so instead of importing the class back,
 * that code goes through this holder, which `zcrm-record.ts` fills when it loads.
 */
export type RecordConstructor = new (
  moduleApiName: string,
  entityId?: string,
  client?: ZCRMRestClient,
) => ZCRMRecord;

let recordClass: RecordConstructor | undefined;

/** Called once, by `zcrm-record.ts`, with the `ZCRMRecord` class. */
export function registerRecordClass(constructor: RecordConstructor): void {
  recordClass = constructor;
}

/** A new `ZCRMRecord` (what `ZCRMRecord.getInstance(moduleApiName, entityId, client)` returns). */
export function newRecord(moduleApiName: string, entityId?: string, client?: ZCRMRestClient): ZCRMRecord {
  if (!recordClass) {
    throw new ZCRMException({
      errorCode: 'RECORD_CLASS_NOT_LOADED',
      errorMessage: "ZCRMRecord is not loaded: import it (or anything else) from 'zcrm' first",
    });
  }
  return new recordClass(moduleApiName, entityId, client);
}

/** True for `ZCRMRecord`s (false for everything while the class is not loaded: no record can exist then). */
export function isRecord(value: unknown): value is ZCRMRecord {
  return recordClass !== undefined && value instanceof recordClass;
}
