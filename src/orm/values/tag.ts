/** A tag on a record (`Tag: [{name, id}]`). Read-only on the record; add and remove tags with their own calls. */
export interface RecordTag {
  name: string;
  id?: string;
}
