/**
 * The seed's `ZCRMTag`: a tag of one module (`settings/tags`), as records carry it (`Tag: [{name, id}]`).
 * (Part C: API methods delete/merge/update are being added.)
 */
export class ZCRMTag {
  id?: string;
  name?: string;
  moduleApiName?: string;
  createdTime?: string;
  modifiedTime?: string;
  /** Records carrying the tag (from `getTagCount`). */
  count?: number;

  protected constructor(id?: string, name?: string) {
    this.id = id;
    this.name = name;
  }

  /** Builds a tag object without a request. */
  static getInstance(id?: string, name?: string): ZCRMTag {
    return new ZCRMTag(id, name);
  }
}
