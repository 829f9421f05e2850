import type { APIResponse } from '../responses/api-response';
import { isJsonObject, Json } from '../mappers/json-utils';
import { ValidationException } from '../../errors/validation-exception';
import { ZCRMBlueprintTransition } from './zcrm-blueprint-transition';
import type { ZCRMRecord } from './zcrm-record';

/**
 * A record's blueprint (the seed's `ZCRMBlueprint`): the process it is in ({@link processInfo}: `name`,
 * `field_value`, `api_name` …) and the transitions open to it now. Read it with `getBlueprint(record)` (or
 * {@link getBlueprint}); move the record with `record.blueprintTransitionId = …` plus
 * `record.setBlueprintData(…)` and `updateBlueprint(record)`.
 */
export class ZCRMBlueprint {
  record?: ZCRMRecord;
  /** The module of the record. */
  entityType?: string;
  entityId?: string;
  transitions: ZCRMBlueprintTransition[] = [];
  /** `process_info`, as sent. */
  processInfo: Record<string, unknown> = {};

  constructor(record?: ZCRMRecord) {
    if (record) {
      this.record = record;
      this.entityType = record.moduleApiName;
      this.entityId = record.entityId;
    }
  }

  /** Builds a blueprint object for `record` without a request. */
  static getInstance(record?: ZCRMRecord): ZCRMBlueprint {
    return new ZCRMBlueprint(record);
  }

  /** Parses `{"process_info": {…}, "transitions": [...]}` (the value of the response's `blueprint` key). */
  static fromJson(json: Json, record?: ZCRMRecord): ZCRMBlueprint {
    const blueprint = new ZCRMBlueprint(record);
    blueprint.applyJson(json);
    return blueprint;
  }

  /** @internal Replaces the process info and transitions with `json`'s. */
  applyJson(json: Json): void {
    this.processInfo = isJsonObject(json.process_info) ? { ...json.process_info } : {};
    this.transitions = Array.isArray(json.transitions)
      ? json.transitions.filter(isJsonObject).map((t) => ZCRMBlueprintTransition.fromJson(t, this.entityType))
      : [];
  }

  getProcessInfoValue(key: string): unknown {
    return this.processInfo[key];
  }

  getProcessInfoValues(): Record<string, unknown> {
    return this.processInfo;
  }

  /** The transition with `id` among those open now. */
  getTransition(id: string): ZCRMBlueprintTransition | undefined {
    return this.transitions.find((t) => t.id === id);
  }

  /** Reads the record's blueprint into this object (`record.getBlueprint`). */
  async getBlueprint(): Promise<APIResponse<ZCRMBlueprint>> {
    return this.requireRecord().getBlueprint(this);
  }

  /** Applies the record's chosen transition (`record.updateBlueprint`). */
  updateBlueprint(): Promise<APIResponse<ZCRMRecord>> {
    return this.requireRecord().updateBlueprint();
  }

  private requireRecord(): ZCRMRecord {
    if (!this.record)
      throw ValidationException.invalidInput(
        'blueprint.record',
        'the blueprint needs its record: ZCRMBlueprint.getInstance(record)',
      );
    return this.record;
  }
}
