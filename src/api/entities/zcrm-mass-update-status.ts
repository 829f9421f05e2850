import { isJsonObject, num, str } from '../mappers/json-utils';

/** The status of a scheduled mass update job (`GET /{module}/actions/mass_update?job_id=`). Data only. */
export class ZCRMMassUpdateStatus {
  /** `SCHEDULED`, `RUNNING`, `COMPLETED` or `FAILED`. */
  status?: string | null;
  failedCount?: number | null;
  updatedCount?: number | null;
  notUpdatedCount?: number | null;
  totalCount?: number | null;

  /** Reads `{Status, Failed_Count, Updated_Count, Not_Updated_Count, Total_Count}`. */
  static fromJson(json: unknown): ZCRMMassUpdateStatus {
    const out = new ZCRMMassUpdateStatus();
    if (!isJsonObject(json)) return out;
    if (json.Status !== undefined) out.status = str(json.Status);
    if (json.Failed_Count !== undefined) out.failedCount = num(json.Failed_Count);
    if (json.Updated_Count !== undefined) out.updatedCount = num(json.Updated_Count);
    if (json.Not_Updated_Count !== undefined) out.notUpdatedCount = num(json.Not_Updated_Count);
    if (json.Total_Count !== undefined) out.totalCount = num(json.Total_Count);
    return out;
  }

  /** True once the job has finished, successfully or not. */
  get isFinished(): boolean {
    return this.status === 'COMPLETED' || this.status === 'FAILED';
  }
}
