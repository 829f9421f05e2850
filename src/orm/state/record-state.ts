import type { Json } from '../../api/mappers/json-utils';
import type { Repository } from '../repository';

/**
 * What the ORM knows about a record instance besides its properties, kept in a non-enumerable symbol-keyed
 * property (so it never shows in `JSON.stringify`, class-transformer output, property enumeration or
 * `toEqual`). Not a `WeakMap`: its entries are swept only by full garbage collections, so reading records
 * by the hundred thousand would grow the old generation between them.
 * - the repository (client) it came from, so `record.save()` goes back to the same org;
 * - what Zoho has: the JSON it was last read from, and the canonical wire form of fields written since.
 */
export interface RecordState {
  repository?: Repository<any>;
  /** The record's JSON as last read (undefined for records made locally). */
  raw?: Json;
  /** API name → canonical wire form Zoho has since the last write (takes precedence over `raw`). */
  synced: Map<string, string>;
}

const STATE = Symbol('zcrm.record-state');

type WithState = { [STATE]?: RecordState };

/** The state of a record, created empty on first use. */
export function stateOf(record: object): RecordState {
  return (record as WithState)[STATE] ?? attach(record, { synced: new Map() });
}

/** Replaces the state of a record (after a read). */
export function resetState(record: object, state: RecordState): void {
  const holder = record as WithState;
  if (Object.prototype.hasOwnProperty.call(holder, STATE)) holder[STATE] = state;
  else attach(record, state);
}

function attach(record: object, state: RecordState): RecordState {
  Object.defineProperty(record, STATE, {
    value: state,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return state;
}
