import { ValidationException } from '../../errors/validation-exception';
import { moduleSettingsToJson } from '../mappers/module-mapper';
import { requireId } from '../support/checks';
import {
  entitiesOf,
  firstEntityOf,
  firstOf,
  infoOf,
  listOf,
  singleResultOf,
} from '../operations/item-results';
import * as metadata from '../operations/metadata-operations';
import { APIResponse } from '../responses/api-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import type { ZCRMModule } from './zcrm-module';
import { ZCRMCustomView } from './zcrm-custom-view';
import { ZCRMField } from './zcrm-field';
import { ZCRMLayout } from './zcrm-layout';
import { ZCRMModuleRelatedList } from './zcrm-module-related-list';

/**
 * The metadata calls of `ZCRMModule` (fields, layouts, custom views, related lists, module settings). Each takes
 * the module first; `ZCRMModule`'s methods of the same names delegate here.
 */

/** Options of {@link ZCRMModule.getAllFields}. */
export interface GetFieldsOptions {
  /** `unused`: only fields placed in no layout. */
  type?: string;
}

/** Options of {@link ZCRMModule.getAllCustomViews}; pages count from 1. */
export interface GetCustomViewsOptions {
  page?: number;
  perPage?: number;
}

/** `GET settings/fields?module=`: every field of the module. */
export async function getAllFields(
  module: ZCRMModule,
  options: GetFieldsOptions = {},
): Promise<BulkAPIResponse<ZCRMField>> {
  const response = await metadata.getFields(module.client, moduleName(module), options);
  return new BulkAPIResponse(response, {
    data: entitiesOf(response, 'fields').map((f) => ZCRMField.fromJson(f)),
  });
}

/** `GET settings/fields/{id}?module=`. */
export async function getField(module: ZCRMModule, fieldId: string): Promise<APIResponse<ZCRMField>> {
  const id = requireId(fieldId, 'field id');
  const response = await metadata.getField(module.client, moduleName(module), id);
  const json = firstEntityOf(response, 'fields');
  return new APIResponse(response, json ? ZCRMField.fromJson(json) : undefined);
}

/** `GET settings/layouts?module=`: the layouts with their sections and fields. */
export async function getAllLayouts(module: ZCRMModule): Promise<BulkAPIResponse<ZCRMLayout>> {
  const response = await metadata.getLayouts(module.client, moduleName(module));
  return new BulkAPIResponse(response, {
    data: listOf(response, 'layouts').map((l) => ZCRMLayout.fromJson(l)),
  });
}

/** `GET settings/layouts/{id}?module=`. */
export async function getLayout(module: ZCRMModule, layoutId: string): Promise<APIResponse<ZCRMLayout>> {
  const id = requireId(layoutId, 'layout id');
  const response = await metadata.getLayout(module.client, moduleName(module), id);
  const json = firstOf(response, 'layouts');
  return new APIResponse(response, json ? ZCRMLayout.fromJson(json) : undefined);
}

/**
 * `GET settings/custom_views?module=`: the module's views, each with the view categories of `info.translation`;
 * `info` carries the paging. Pages count from 1.
 */
export async function getAllCustomViews(
  module: ZCRMModule,
  options: GetCustomViewsOptions = {},
): Promise<BulkAPIResponse<ZCRMCustomView>> {
  if (options.page !== undefined && (!Number.isInteger(options.page) || options.page < 1)) {
    throw ValidationException.invalidInput('page', `pages count from 1, got ${options.page}`);
  }
  const name = moduleName(module);
  const response = await metadata.getCustomViews(module.client, name, options);
  const info = infoOf(response);
  const translation = translationOf(info);
  const data = listOf(response, 'custom_views').map((cv) => ZCRMCustomView.fromJson(cv, name, translation));
  return new BulkAPIResponse(response, { data, info });
}

/** `GET settings/custom_views/{id}?module=`: the view with its columns, sort and criteria. */
export async function getCustomView(
  module: ZCRMModule,
  customViewId: string,
): Promise<APIResponse<ZCRMCustomView>> {
  const id = requireId(customViewId, 'custom view id');
  const name = moduleName(module);
  const response = await metadata.getCustomView(module.client, name, id);
  const json = firstOf(response, 'custom_views');
  return new APIResponse(
    response,
    json ? ZCRMCustomView.fromJson(json, name, translationOf(infoOf(response))) : undefined,
  );
}

/**
 * `PUT settings/custom_views/{id}?module=` with the view's `sortBy`/`sortOrder` (whichever are set). Needs the
 * view's id. A rejection throws the exception of its code.
 */
export async function updateCustomView(
  module: ZCRMModule,
  customView: ZCRMCustomView,
): Promise<APIResponse<ZCRMCustomView>> {
  if (!(customView instanceof ZCRMCustomView))
    throw ValidationException.invalidInput('custom view', 'a ZCRMCustomView is required');
  const id = requireId(customView.id, 'custom view id');
  const name = moduleName(module);
  if (customView.moduleApiName !== undefined && customView.moduleApiName !== name) {
    throw ValidationException.invalidInput(
      'custom view',
      `belongs to module ${customView.moduleApiName}, not ${name}`,
    );
  }
  const settings = customView.toSettingsJson();
  if (Object.keys(settings).length === 0)
    throw ValidationException.invalidInput('custom view', 'set sortBy or sortOrder to update it');
  const response = await metadata.updateCustomView(module.client, name, id, settings);
  return new APIResponse(response, customView, singleResultOf(response, 'custom_views'));
}

/** `GET settings/related_lists?module=`. */
export async function getAllRelatedLists(
  module: ZCRMModule,
): Promise<BulkAPIResponse<ZCRMModuleRelatedList>> {
  const response = await metadata.getRelatedLists(module.client, moduleName(module));
  return new BulkAPIResponse(response, {
    data: listOf(response, 'related_lists').map((rl) => ZCRMModuleRelatedList.fromJson(rl)),
  });
}

/** `GET settings/related_lists/{id}?module=`. */
export async function getRelatedList(
  module: ZCRMModule,
  relatedListId: string,
): Promise<APIResponse<ZCRMModuleRelatedList>> {
  const id = requireId(relatedListId, 'related list id');
  const response = await metadata.getRelatedList(module.client, moduleName(module), id);
  const json = firstOf(response, 'related_lists');
  return new APIResponse(response, json ? ZCRMModuleRelatedList.fromJson(json) : undefined);
}

/**
 * `PUT settings/modules/{api_name}` with the module's settings that are set: `perPage`, `businessCardFields`,
 * `defaultCustomView` (or `defaultCustomViewId`), `defaultTerritoryId`, `relatedListProperties`. A rejection throws
 * the exception of its code; `data` is the module.
 */
export async function updateModuleSettings(module: ZCRMModule): Promise<APIResponse<ZCRMModule>> {
  const name = moduleName(module);
  const settings = moduleSettingsToJson(module);
  if (Object.keys(settings).length === 0) {
    throw ValidationException.invalidInput(
      'module settings',
      'set perPage, businessCardFields, defaultCustomView, defaultTerritoryId or relatedListProperties to update them',
    );
  }
  const response = await metadata.updateModuleSettings(module.client, name, settings);
  return new APIResponse(response, module, singleResultOf(response, 'modules'));
}

function moduleName(module: ZCRMModule): string {
  if (typeof module?.apiName !== 'string' || module.apiName.trim() === '') {
    throw ValidationException.invalidInput('module api name', 'a module API name is required');
  }
  return module.apiName;
}

function translationOf(info: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const translation = info?.translation;
  return typeof translation === 'object' && translation !== null && !Array.isArray(translation)
    ? (translation as Record<string, unknown>)
    : undefined;
}
