export { CommonAPIResponse } from './common-api-response';
export { APIResponse } from './api-response';
export { BulkAPIResponse } from './bulk-api-response';
export { EntityResponse } from './entity-response';
export { ResponseInfo } from './response-info';
export { FileAPIResponse } from './file-api-response';
