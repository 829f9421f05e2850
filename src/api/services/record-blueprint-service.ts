import * as ops from '../operations/blueprint-operations';
import { APIResponse } from '../responses/api-response';
import { valueToJson } from '../mappers/record-mapper';
import { isJsonObject, Json } from '../mappers/json-utils';
import { malformed } from '../operations/item-results';
import { ValidationException } from '../../errors/validation-exception';
import { requireRecordId } from '../support/checks';
import { singleWrite } from '../support/single-write';
import { ZCRMBlueprint } from '../entities/zcrm-blueprint';
import type { ZCRMRecord } from '../entities/zcrm-record';

/** A record's blueprint (seed `ZCRMRecord.get_blueprint` / `update_blueprint`), as functions of the record. */

/**
 * Reads the blueprint the record is in (`GET /{module}/{id}/actions/blueprint`): its process and the transitions
 * open now. A record in no process makes Zoho answer an error, thrown as a `ZCRMException`.
 */
export async function getBlueprint(
  record: ZCRMRecord,
  into?: ZCRMBlueprint,
): Promise<APIResponse<ZCRMBlueprint>> {
  const id = requireRecordId(record, 'getBlueprint');
  const response = await ops.getBlueprint(record.client, record.moduleApiName, id);
  if (response.noData) return new APIResponse<ZCRMBlueprint>(response);
  const json = response.data?.blueprint;
  if (!isJsonObject(json)) throw malformed(response, 'has no "blueprint" object');
  const blueprint = into ?? new ZCRMBlueprint(record);
  blueprint.applyJson(json);
  return new APIResponse(response, blueprint);
}

/**
 * Moves the record through a transition (`PUT /{module}/{id}/actions/blueprint`): the transition is
 * `record.blueprintTransitionId`, its data `record.blueprintValues` (`setBlueprintData`; records and users are
 * sent as `{id}`) plus `CheckLists` from `record.setChecklistValue`. `data` is the record.
 */
export async function updateBlueprint(record: ZCRMRecord): Promise<APIResponse<ZCRMRecord>> {
  const id = requireRecordId(record, 'updateBlueprint');
  const transitionId = record.blueprintTransitionId;
  if (typeof transitionId !== 'string' || transitionId.trim() === '') {
    throw ValidationException.invalidInput(
      'record.blueprintTransitionId',
      'updateBlueprint() needs the id of the transition to apply',
    );
  }
  const data = valueToJson(record.blueprintValues ?? {}) as Json;
  if (record.blueprintChecklist.length > 0) data.CheckLists = valueToJson(record.blueprintChecklist);
  const { response, item } = await singleWrite(() =>
    ops.updateBlueprint(record.client, record.moduleApiName, id, transitionId, data),
  );
  return new APIResponse(response, record, item);
}
