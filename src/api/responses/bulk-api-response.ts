import type { HttpResponse } from '../../http/http-types';
import { CommonAPIResponse } from './common-api-response';
import { EntityResponse } from './entity-response';
import { ResponseInfo } from './response-info';

/**
 * A response carrying a list: the parsed entities of a read (`data`, `info`), or for writes one
 * {@link EntityResponse} per input in input order (`bulkEntityResponse`), with `data` holding the inputs that succeeded.
 */
export class BulkAPIResponse<T = unknown> extends CommonAPIResponse {
  data: T[];
  bulkEntityResponse: EntityResponse<T>[];
  info?: ResponseInfo;
  readonly responseJson: unknown;

  constructor(
    response: HttpResponse<unknown>,
    parts: { data?: T[]; bulkEntityResponse?: EntityResponse<T>[]; info?: Record<string, unknown> } = {},
  ) {
    super(response);
    this.responseJson = response.data;
    this.data = parts.data ?? [];
    this.bulkEntityResponse = parts.bulkEntityResponse ?? [];
    if (parts.info) this.info = new ResponseInfo(parts.info);
  }
}
