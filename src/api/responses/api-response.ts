import type { HttpResponse } from '../../http/http-types';
import { CommonAPIResponse } from './common-api-response';

/** A response carrying one entity (or none for 204/304, or a plain acknowledgement for writes). */
export class APIResponse<T = unknown> extends CommonAPIResponse {
  /** The parsed entity; undefined when the response carried none. */
  data: T | undefined;
  /** `status`, `code`, `message`, `details` of an acknowledgement (`{"code":"SUCCESS",…}`), when present. */
  readonly status?: string;
  readonly code?: string;
  readonly message?: string;
  readonly details?: Record<string, unknown>;
  readonly responseJson: unknown;

  constructor(response: HttpResponse<unknown>, data?: T, acknowledgement?: Record<string, unknown>) {
    super(response);
    this.responseJson = response.data;
    this.data = data;
    if (acknowledgement) {
      this.status = acknowledgement.status as string | undefined;
      this.code = acknowledgement.code as string | undefined;
      this.message = acknowledgement.message as string | undefined;
      this.details = (acknowledgement.details as Record<string, unknown> | undefined) ?? {};
    }
  }
}
