import type { EmulatorContext } from '../../context';
import type { ModuleDef, UserDef } from '../../state/types';
import { isPlainObject } from '../body';
import { itemError, itemSuccess, ItemResult } from '../zoho-error';
import { moduleExtras, RelatedListProperties } from './metadata-state';
import { BUSINESS_CARD_FIELD_LIMIT } from './render-module';
import { ItemErrors } from '../item-errors';

/** [I] The list-view page sizes Zoho offers. */
const PER_PAGE_CHOICES = [10, 20, 30, 40, 50, 100];

type Change = (module: ModuleDef) => void;
type Check = { change: Change } | { error: ItemResult };

const invalid = (apiName: string): { error: ItemResult } => ({
  error: ItemErrors.invalid(apiName),
});

/**
 * Applies one `{"modules":[{...}]}` item of `PUT /settings/modules/{module}`: `per_page`, `business_card_fields`,
 * `default_custom_view`, `territory` and `related_list_properties` (the keys the Python SDK sends). Every key is
 * checked before anything changes, so a rejected item leaves the module as it was.
 */
export function updateModuleSettings(
  ctx: EmulatorContext,
  module: ModuleDef,
  input: unknown,
  user: UserDef,
): ItemResult {
  if (!isPlainObject(input)) return ItemErrors.notAnObject();
  const changes: Change[] = [];
  for (const [key, value] of Object.entries(input)) {
    const check = checkSetting(ctx, module, key, value);
    if (!check) continue;
    if ('error' in check) return check.error;
    changes.push(check.change);
  }
  for (const change of changes) change(module);
  module.modified_time = ctx.timestamp();
  moduleExtras(ctx, module).modified_by = user.id;
  return itemSuccess('module updated successfully', { id: module.id });
}

/** Validates one setting; `undefined` for keys the API ignores. */
function checkSetting(
  ctx: EmulatorContext,
  module: ModuleDef,
  key: string,
  value: unknown,
): Check | undefined {
  const hasField = (name: unknown) =>
    typeof name === 'string' && module.fields.some((f) => f.api_name === name);
  switch (key) {
    case 'per_page': {
      const perPage = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      if (typeof perPage !== 'number' || !PER_PAGE_CHOICES.includes(perPage)) return invalid(key);
      return { change: (m) => (m.per_page = perPage) };
    }
    case 'business_card_fields': {
      if (!Array.isArray(value) || !value.every(hasField)) return invalid(key);
      if (value.length > BUSINESS_CARD_FIELD_LIMIT) {
        return {
          error: itemError('LIMIT_EXCEEDED', 'limit exceeded', {
            api_name: key,
            limit: BUSINESS_CARD_FIELD_LIMIT,
          }),
        };
      }
      return { change: (m) => (m.business_card_fields = [...new Set(value as string[])]) };
    }
    case 'default_custom_view': {
      const id = isPlainObject(value) ? value.id : undefined;
      const extras = moduleExtras(ctx, module);
      if (!extras.custom_views.some((cv) => cv.id === String(id))) return invalid(key);
      return { change: () => (extras.default_custom_view = String(id)) };
    }
    case 'territory':
      // [I] Territory management is not enabled in the emulated org, so only `null` (no default territory) is accepted.
      return value === null ? { change: () => undefined } : invalid(key);
    case 'related_list_properties': {
      const props = relatedListProperties(value, hasField);
      if (!props) return invalid(key);
      return { change: () => (moduleExtras(ctx, module).related_list_properties = props) };
    }
    default:
      return undefined;
  }
}

function relatedListProperties(
  value: unknown,
  hasField: (name: unknown) => boolean,
): RelatedListProperties | undefined {
  if (!isPlainObject(value)) return undefined;
  const { sort_by = null, sort_order = null, fields = [] } = value;
  if (sort_by !== null && !hasField(sort_by)) return undefined;
  if (sort_order !== null && sort_order !== 'asc' && sort_order !== 'desc') return undefined;
  if (!Array.isArray(fields) || !fields.every(hasField)) return undefined;
  return { sort_by: sort_by as string | null, sort_order, fields: fields as string[] };
}
