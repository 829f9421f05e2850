import type { ModuleDef, StoredRecord } from '../../state/types';
import { fieldDef } from '../records/render';
import type { ProcessDef, TransitionDef } from './processes';

/**
 * `{"blueprint":{"process_info":{…},"transitions":[…]}}` as the v2 Get Blueprint API answers, with the keys
 * the seed SDK's ZCRMBlueprint / ZCRMBlueprintTransition parsers read. Every transition carries `data`
 * (the current values of its fields): the seed's parser fails on a transition without it.
 */
export function renderBlueprint(
  module: ModuleDef,
  record: StoredRecord,
  process: ProcessDef,
  transitions: TransitionDef[],
): Record<string, unknown> {
  const field = fieldDef(module, process.field);
  const label = field?.field_label ?? process.field;
  return {
    blueprint: {
      process_info: {
        field_id: field?.id ?? null,
        is_continuous: false,
        api_name: process.field,
        continuous: false,
        field_label: label,
        name: process.name,
        column_name: process.field.toUpperCase(),
        field_value: record[process.field] ?? null,
        id: process.id,
        field_name: label,
        escalation: null,
      },
      transitions: transitions.map((t) => ({
        next_transitions: process.transitions
          .filter((next) => next.from === t.to)
          .map((next) => ({ id: next.id, name: next.name })),
        percent_partial_save: null,
        data: Object.fromEntries(t.fields.map((api) => [api, record[api] ?? null])),
        next_field_value: t.to,
        name: t.name,
        criteria_matched: true,
        id: t.id,
        fields: t.fields.map((api, index) => renderTransitionField(module, api, index)),
        criteria_message: null,
      })),
    },
  };
}

/** A transition field in the compact form of field metadata (`api_name` and `id` are what parsers require). */
function renderTransitionField(module: ModuleDef, apiName: string, index: number): Record<string, unknown> {
  const def = fieldDef(module, apiName);
  return {
    api_name: apiName,
    id: def?.id ?? null,
    field_label: def?.field_label ?? apiName,
    display_label: def?.field_label ?? apiName,
    data_type: def?.data_type ?? 'text',
    length: def?.length ?? null,
    decimal_place: def?.decimal_place ?? null,
    required: true,
    read_only: false,
    visible: true,
    system_mandatory: def?.system_mandatory === true,
    custom_field: def?.custom_field === true,
    transition_sequence: index + 1,
  };
}
