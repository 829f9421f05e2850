import type { HttpResponse } from '../../http/http-types';
import type { ZCRMRestClient } from '../rest-client';
import {
  ConditionalGet,
  ifModifiedSinceHeader,
  ItemResultJson,
  JsonObject,
  params,
  requestItems,
  segment,
} from './item-results';

/**
 * Module metadata under `settings/`: modules, fields, layouts, custom views, related lists (https://www.zoho.com/crm/developer/docs/api/v2/modules-api.html).
 * Every per-module call sends `?module={apiName}`.
 */

export type ModulesBody = { modules?: JsonObject[] };
export type FieldsBody = { fields?: JsonObject[] };
export type LayoutsBody = { layouts?: JsonObject[] };
export type CustomViewsBody = { custom_views?: JsonObject[]; info?: JsonObject };
export type RelatedListsBody = { related_lists?: JsonObject[] };
export type SettingsResults = Record<string, ItemResultJson[]>;

/** `GET settings/modules` (optionally `If-Modified-Since`: only modules changed since; none → 304). */
export function getModules(
  client: ZCRMRestClient,
  options?: ConditionalGet,
): Promise<HttpResponse<ModulesBody>> {
  return client.request<ModulesBody>({ path: 'settings/modules', headers: ifModifiedSinceHeader(options) });
}

/** `GET settings/modules/{api_name}`: the module with its settings and default view. */
export function getModule(client: ZCRMRestClient, apiName: string): Promise<HttpResponse<ModulesBody>> {
  return client.request<ModulesBody>({ path: `settings/modules/${segment(apiName)}` });
}

/** `PUT settings/modules/{api_name}` with `{"modules":[settings]}`. */
export function updateModuleSettings(
  client: ZCRMRestClient,
  apiName: string,
  settings: JsonObject,
): Promise<HttpResponse<SettingsResults>> {
  return requestItems(
    client,
    { method: 'PUT', path: `settings/modules/${segment(apiName)}`, body: { modules: [settings] } },
    'modules',
  );
}

/** `GET settings/fields?module=[&type=]` (`type=unused`: fields in no layout; 204 when none). */
export function getFields(
  client: ZCRMRestClient,
  module: string,
  options: { type?: string } = {},
): Promise<HttpResponse<FieldsBody>> {
  return client.request<FieldsBody>({
    path: 'settings/fields',
    params: params({ module, type: options.type }),
  });
}

/** `GET settings/fields/{id}?module=`. */
export function getField(
  client: ZCRMRestClient,
  module: string,
  id: string,
): Promise<HttpResponse<FieldsBody>> {
  return client.request<FieldsBody>({ path: `settings/fields/${segment(id)}`, params: { module } });
}

/** `GET settings/layouts?module=`. */
export function getLayouts(client: ZCRMRestClient, module: string): Promise<HttpResponse<LayoutsBody>> {
  return client.request<LayoutsBody>({ path: 'settings/layouts', params: { module } });
}

/** `GET settings/layouts/{id}?module=`. */
export function getLayout(
  client: ZCRMRestClient,
  module: string,
  id: string,
): Promise<HttpResponse<LayoutsBody>> {
  return client.request<LayoutsBody>({ path: `settings/layouts/${segment(id)}`, params: { module } });
}

/** `GET settings/custom_views?module=[&page&per_page]`; `info.translation` names the view categories. */
export function getCustomViews(
  client: ZCRMRestClient,
  module: string,
  options: { page?: number; perPage?: number } = {},
): Promise<HttpResponse<CustomViewsBody>> {
  return client.request<CustomViewsBody>({
    path: 'settings/custom_views',
    params: params({ module, page: options.page, per_page: options.perPage }),
  });
}

/** `GET settings/custom_views/{id}?module=`. */
export function getCustomView(
  client: ZCRMRestClient,
  module: string,
  id: string,
): Promise<HttpResponse<CustomViewsBody>> {
  return client.request<CustomViewsBody>({
    path: `settings/custom_views/${segment(id)}`,
    params: { module },
  });
}

/** `PUT settings/custom_views/{id}?module=` with `{"custom_views":[{sort_by?, sort_order?}]}`. */
export function updateCustomView(
  client: ZCRMRestClient,
  module: string,
  id: string,
  settings: JsonObject,
): Promise<HttpResponse<SettingsResults>> {
  return requestItems(
    client,
    {
      method: 'PUT',
      path: `settings/custom_views/${segment(id)}`,
      params: { module },
      body: { custom_views: [settings] },
    },
    'custom_views',
  );
}

/** `GET settings/related_lists?module=`. */
export function getRelatedLists(
  client: ZCRMRestClient,
  module: string,
): Promise<HttpResponse<RelatedListsBody>> {
  return client.request<RelatedListsBody>({ path: 'settings/related_lists', params: { module } });
}

/** `GET settings/related_lists/{id}?module=`. */
export function getRelatedList(
  client: ZCRMRestClient,
  module: string,
  id: string,
): Promise<HttpResponse<RelatedListsBody>> {
  return client.request<RelatedListsBody>({
    path: `settings/related_lists/${segment(id)}`,
    params: { module },
  });
}
