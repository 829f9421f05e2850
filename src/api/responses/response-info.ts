/** The `info` object of Zoho list responses: paging of the page just read. Keys absent in the response stay undefined. */
export class ResponseInfo {
  moreRecords?: boolean;
  page?: number;
  perPage?: number;
  count?: number;
  /** The raw `info` JSON (custom views add `default`, `translation`; tags add `allowed_count` …). */
  readonly json: Record<string, unknown>;

  constructor(json: Record<string, unknown>) {
    this.json = json;
    if (typeof json.more_records === 'boolean') this.moreRecords = json.more_records;
    if (json.page !== undefined) this.page = Number(json.page);
    if (json.per_page !== undefined) this.perPage = Number(json.per_page);
    if (json.count !== undefined) this.count = Number(json.count);
  }
}
