import { idString, isJsonObject, Json, str } from '../mappers/json-utils';
import { ZCRMField } from './zcrm-field';
import { ZCRMTransition } from './zcrm-transition';
import { ZCRMTransitionAttachment } from './zcrm-transition-attachment';
import { ZCRMTransitionCheckList } from './zcrm-transition-check-list';
import { ZCRMTransitionRelatedData } from './zcrm-transition-related-data';

/**
 * One transition open to a record in its blueprint (the seed's `ZCRMBlueprintTransition`): the transitions it
 * leads to, the fields it asks for, its checklists and attachments, the current `data`, and every other key in
 * {@link getTransitionValues} (`id`, `name`, `next_field_value`, `criteria_matched` …). A transition without
 * `data` parses (the seed failed on it).
 */
export class ZCRMBlueprintTransition {
  /** The module of the record (the fields' module). */
  entityName?: string;
  nextTransitions: ZCRMTransition[] = [];
  fields: ZCRMField[] = [];
  checklists: ZCRMTransitionCheckList[] = [];
  attachments: ZCRMTransitionAttachment[] = [];
  transitionData: ZCRMTransitionRelatedData = new ZCRMTransitionRelatedData();
  /** Every other key of the transition, as sent. */
  transitionProperties: Record<string, unknown> = {};

  constructor(entityName?: string) {
    if (entityName !== undefined) this.entityName = entityName;
  }

  static getInstance(entityName?: string): ZCRMBlueprintTransition {
    return new ZCRMBlueprintTransition(entityName);
  }

  /** Parses one element of the blueprint's `transitions`. */
  static fromJson(json: Json, entityName?: string): ZCRMBlueprintTransition {
    const transition = new ZCRMBlueprintTransition(entityName);
    for (const [key, value] of Object.entries(json)) {
      if (key === 'next_transitions' && Array.isArray(value)) {
        transition.nextTransitions = value
          .filter(isJsonObject)
          .map((t) => ZCRMTransition.getInstance(idString(t.id), str(t.name)));
      } else if (key === 'fields' && Array.isArray(value)) {
        transition.fields = value.filter(isJsonObject).map((f) => ZCRMField.fromJson(f));
      } else if (key === 'data' && isJsonObject(value)) {
        transition.applyData(value);
      } else transition.transitionProperties[key] = value;
    }
    return transition;
  }

  /** The transition id (`id`). */
  get id(): string | undefined {
    return idString(this.transitionProperties.id);
  }

  /** The transition name (`name`). */
  get name(): string | undefined {
    const name = this.transitionProperties.name;
    return typeof name === 'string' ? name : undefined;
  }

  /** A key of the transition other than its fields, data and next transitions. */
  getTransitionValue(key: string): unknown {
    return this.transitionProperties[key];
  }

  getTransitionValues(): Record<string, unknown> {
    return this.transitionProperties;
  }

  private applyData(data: Json): void {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'CheckLists') {
        const lists = Array.isArray(value) ? value : [value];
        this.checklists.push(...lists.filter(isJsonObject).map((c) => ZCRMTransitionCheckList.fromJson(c)));
      } else if (key === 'Attachments' && Array.isArray(value)) {
        this.attachments.push(...value.filter(isJsonObject).map((a) => ZCRMTransitionAttachment.fromJson(a)));
      } else this.transitionData.populateDataValues(key, value);
    }
  }
}
