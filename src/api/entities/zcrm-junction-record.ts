/**
 * A record to relate through a related list (the seed's `ZCRMJunctionRecord`): the related list's API name,
 * the related record's id, and the relation's own fields (`Member_Status` for Campaigns, `list_price` for
 * Price_Books↔Products …) in {@link relatedData}.
 */
export class ZCRMJunctionRecord {
  /** The related list's API name (`Campaigns`, `Products` …). */
  apiName: string;
  /** The related record's id. */
  id: string;
  /** Relation fields sent with the link. */
  relatedData: Record<string, unknown> = {};

  constructor(apiName: string, id: string) {
    this.apiName = apiName;
    this.id = id;
  }

  /** Builds a junction record without a request. */
  static getInstance(apiName: string, id: string): ZCRMJunctionRecord {
    return new ZCRMJunctionRecord(apiName, id);
  }

  /** Sets a relation field. */
  setRelatedData(key: string, value: unknown): void {
    this.relatedData[key] = value;
  }

  getRelatedData(): Record<string, unknown> {
    return this.relatedData;
  }
}
