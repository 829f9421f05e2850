import type { EmulatorContext } from '../../context';
import type { VariableDef, VariableGroupDef } from '../../state/types';
import { isDate, parseDateTime } from '../../time';
import { isPlainObject } from '../body';
import { itemError, itemSuccess, ItemResult } from '../zoho-error';
import { EMAIL, numberFrom } from './values';
import { ItemErrors } from '../item-errors';

/** Messages of Zoho's variables API (`@zohocrm/nodejs-sdk-2.0` config/json_details.json, `variables/success_response`, `variables/api_exception`). */
const MESSAGES = {
  added: 'variable added',
  updated: 'variable updated',
  deleted: 'variable deleted',
  notDeleted: 'variable not deleted',
};

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * [I] The variable types Zoho offers and how a value of each is checked and stored; numbers may arrive as
 * strings (the Python SDK sends what the caller set). `undefined` means the value does not fit the type.
 */
const TYPES: Record<string, (value: unknown) => unknown> = {
  text: (v) => (isString(v) ? v : undefined),
  textarea: (v) => (isString(v) ? v : undefined),
  phone: (v) => (isString(v) ? v : undefined),
  url: (v) => (isString(v) && /^https?:\/\//.test(v) ? v : undefined),
  email: (v) => (isString(v) && EMAIL.test(v) ? v : undefined),
  integer: (v) => {
    const n = numberFrom(v);
    return n !== undefined && Number.isInteger(n) ? n : undefined;
  },
  long: (v) =>
    typeof v === 'number' && Number.isInteger(v) ? v : isString(v) && /^-?\d{1,18}$/.test(v) ? v : undefined,
  decimal: numberFrom,
  currency: numberFrom,
  percent: numberFrom,
  checkbox: (v) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined),
  date: (v) => (isString(v) && isDate(v) ? v : undefined),
  datetime: (v) => (isString(v) && parseDateTime(v) !== undefined ? v : undefined),
};

type Checked = { error: ItemResult } | { variable: Omit<VariableDef, 'id'> };
const invalid = (apiName: string, extra: Record<string, unknown> = {}): { error: ItemResult } => ({
  error: ItemErrors.invalid(apiName, extra),
});

/** A variable group by id or API name. */
export function findGroup(ctx: EmulatorContext, key: string): VariableGroupDef | undefined {
  return ctx.state.variableGroups.find((g) => g.id === key || g.api_name.toLowerCase() === key.toLowerCase());
}

/** A variable by id or API name, as `/settings/variables/{id or api_name}` accepts. */
export function findVariable(ctx: EmulatorContext, key: string): VariableDef | undefined {
  return ctx.state.variables.find((v) => v.id === key || v.api_name.toLowerCase() === key.toLowerCase());
}

/** `POST /settings/variables` item: name, type and variable_group are required; the API name derives from the name when absent. */
export function createVariable(ctx: EmulatorContext, input: unknown): ItemResult {
  if (!isPlainObject(input)) return ItemErrors.notAnObject();
  for (const key of ['name', 'type', 'variable_group']) {
    if (input[key] === undefined || input[key] === null) return ItemErrors.mandatory(key);
  }
  const name = typeof input.name === 'string' ? input.name : '';
  const base = { api_name: input.api_name ?? apiNameFrom(name), description: null, value: null };
  const checked = checkVariable(ctx, { ...base, ...input }, undefined);
  if ('error' in checked) return checked.error;
  const variable: VariableDef = { id: ctx.newId(), ...checked.variable };
  ctx.state.variables.push(variable);
  return itemSuccess(MESSAGES.added, { id: variable.id });
}

/** `PUT` item for an existing variable: merged with its current values and checked as a whole before it changes. */
export function updateVariable(ctx: EmulatorContext, variable: VariableDef, input: unknown): ItemResult {
  if (!isPlainObject(input)) return ItemErrors.notAnObject();
  // The id names the variable; it is never changed.
  const checked = checkVariable(
    ctx,
    { ...variable, variable_group: { id: variable.variable_group }, ...input },
    variable,
  );
  if ('error' in checked) return checked.error;
  Object.assign(variable, checked.variable);
  return itemSuccess(MESSAGES.updated, { id: variable.id });
}

/** Deletes by id or API name; an unknown one is reported per item. */
export function deleteVariable(ctx: EmulatorContext, key: string): ItemResult {
  const variable = findVariable(ctx, key);
  if (!variable) return itemError('INVALID_DATA', MESSAGES.notDeleted, { id: key });
  ctx.state.variables.splice(ctx.state.variables.indexOf(variable), 1);
  return itemSuccess(MESSAGES.deleted, { id: variable.id });
}

/** Checks a complete candidate variable; `current` is the variable being updated (excluded from the duplicate check). */
function checkVariable(
  ctx: EmulatorContext,
  input: Record<string, unknown>,
  current: VariableDef | undefined,
): Checked {
  const { name, api_name, type, description, value } = input;
  if (typeof name !== 'string' || name.trim().length === 0) return invalid('name');
  if (typeof api_name !== 'string' || !API_NAME.test(api_name)) return invalid('api_name');
  const clash = ctx.state.variables.some(
    (v) => v !== current && v.api_name.toLowerCase() === api_name.toLowerCase(),
  );
  if (clash) return { error: ItemErrors.duplicate('api_name') };
  if (typeof type !== 'string' || !(type in TYPES)) return invalid('type');
  if (description !== null && typeof description !== 'string') return invalid('description');
  const group = groupOf(ctx, input.variable_group);
  if (!group) return invalid('variable_group');
  const stored = value === null || value === '' ? null : TYPES[type](value);
  if (stored === undefined) return invalid('value', { expected_data_type: type });
  return {
    variable: { api_name, name: name.trim(), description, type, value: stored, variable_group: group.id },
  };
}

/** `variable_group` arrives as `{id}`, `{api_name}` or a bare id / API name. */
function groupOf(ctx: EmulatorContext, value: unknown): VariableGroupDef | undefined {
  if (typeof value === 'string') return findGroup(ctx, value);
  if (!isPlainObject(value)) return undefined;
  const key = value.id ?? value.api_name;
  return key === undefined || key === null ? undefined : findGroup(ctx, String(key));
}

/** [I] Zoho derives a missing API name from the name: words joined by underscores. */
function apiNameFrom(name: string): string {
  return name
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
