import * as record from './record-service';
import * as attachments from './record-attachments-service';
import * as notes from './record-notes-service';
import * as photo from './record-photo-service';
import * as related from './record-related-service';
import * as tags from './record-tags-service';
import * as blueprint from './record-blueprint-service';

/**
 * The services `ZCRMRecord`'s methods run, as every `ZCRMRestClient` carries them (`client.recordCalls`). The
 * record reaches them through its client instead of importing them: they parse records (lookups, line-item
 * products, note and attachment parents are `ZCRMRecord`s), so they import the class, and the class imports
 * nothing that builds records.
 */
export const recordCalls = { record, attachments, notes, photo, related, tags, blueprint } as const;

/** The shape of {@link recordCalls}. */
export type RecordCalls = typeof recordCalls;
