import { runAs } from '../auth/user-context';
import type { ConfigInput } from '../config/resolve-config';
import { ClientOptions, ZCRMClientCore } from './client-core';
import * as calls from './entities/rest-client-calls';
import type { ZCRMModule } from './entities/zcrm-module';
import type { ZCRMOrganization } from './entities/zcrm-organization';
import type { ZCRMRecord } from './entities/zcrm-record';
import type { ZCRMUser } from './entities/zcrm-user';
import type { ConditionalGet } from './operations/item-results';
import type { APIResponse } from './responses/api-response';
import type { BulkAPIResponse } from './responses/bulk-api-response';
import { recordCalls, RecordCalls } from './services/record-calls';

export type { ClientOptions, QueryValue, RequestOptions } from './client-core';

/**
 * The seed's `ZCRMRestClient`: configuration, the acting user, the one request entry point the API layer
 * builds on (all of `ZCRMClientCore`), and the seed's entry points to modules, records, users and the
 * org. `initialize` sets up the process-wide client (and `ZohoOAuth`); `new ZCRMRestClient(config)` makes an
 * independent one (another org, other credentials).
 */
export class ZCRMRestClient extends ZCRMClientCore {
  /** @internal The services `ZCRMRecord`'s methods run, reached through the record's client. */
  readonly recordCalls: RecordCalls = recordCalls;

  /** Validates `config` and makes the process-wide client that {@link getInstance} and `ZohoOAuth` return. */
  static initialize(config: ConfigInput, options?: ClientOptions): ZCRMRestClient {
    const client = new ZCRMRestClient(config, options);
    ZCRMClientCore.adopt(client);
    return client;
  }

  /** Runs `fn` with every call inside it (across awaits) acting as `userEmail`. */
  static runAs<T>(userEmail: string, fn: () => T): T {
    return runAs(userEmail, fn);
  }

  /** `GET settings/modules`: every module (seed `get_all_modules`); `ifModifiedSince` → only modules changed since. */
  getAllModules(options?: ConditionalGet): Promise<BulkAPIResponse<ZCRMModule>> {
    return calls.getAllModules(this, options);
  }

  /** `GET settings/modules/{apiName}`: one module with its settings (seed `get_module`). */
  getModule(apiName: string): Promise<APIResponse<ZCRMModule>> {
    return calls.getModule(this, apiName);
  }

  /** `GET users?type=CurrentUser`: the user calls act as, as a one-element list (seed `get_current_user`). */
  getCurrentUser(): Promise<BulkAPIResponse<ZCRMUser>> {
    return calls.getCurrentUser(this);
  }

  /** `GET org`: the org's details (seed `get_organization_details`). */
  getOrganizationDetails(): Promise<APIResponse<ZCRMOrganization>> {
    return calls.getOrganizationDetails(this);
  }

  /** An org object on this client, without a request (seed `get_organization_instance`). */
  getOrganizationInstance(): ZCRMOrganization {
    return calls.getOrganizationInstance(this);
  }

  /** A module object on this client, without a request (seed `get_module_instance`). */
  getModuleInstance(moduleApiName: string): ZCRMModule {
    return calls.getModuleInstance(this, moduleApiName);
  }

  /** A record object on this client, without a request (seed `get_record_instance`). */
  getRecordInstance(moduleApiName: string, entityId?: string): ZCRMRecord {
    return calls.getRecordInstance(this, moduleApiName, entityId);
  }
}
