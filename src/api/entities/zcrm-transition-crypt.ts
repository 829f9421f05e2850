import { Json, num, str } from '../mappers/json-utils';

/** How an encrypted field is stored (a field's `crypt`; the seed's `ZCRMTransitionCrypt`). */
export class ZCRMTransitionCrypt {
  mode?: string | null;
  column?: string | null;
  table?: string | null;
  status?: number | null;

  static getInstance(): ZCRMTransitionCrypt {
    return new ZCRMTransitionCrypt();
  }

  /** Parses `{"mode", "column", "table", "status"}`. */
  static fromJson(json: Json): ZCRMTransitionCrypt {
    const crypt = new ZCRMTransitionCrypt();
    crypt.mode = str(json.mode);
    crypt.column = str(json.column);
    crypt.table = str(json.table);
    crypt.status = num(json.status);
    return crypt;
  }
}
