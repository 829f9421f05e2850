import { bool, idString, isJsonObject, Json, putDefined, str } from '../mappers/json-utils';
import { strings } from '../mappers/settings-json';
import { ZCRMCustomViewCategory } from './zcrm-custom-view-category';
import { ZCRMCustomViewCriteria } from './zcrm-custom-view-criteria';

/**
 * A custom view (list view) of a module (`settings/custom_views`). Get them with `ZCRMModule.getAllCustomViews()`;
 * change `sortBy`/`sortOrder` and send them with `ZCRMModule.updateCustomView(view)`.
 */
export class ZCRMCustomView {
  id?: string;
  moduleApiName?: string;
  name?: string | null;
  displayValue?: string | null;
  systemName?: string | null;
  isDefault?: boolean | null;
  isSystemDefined?: boolean | null;
  /** The view's category key (`public_views`, `created_by_me` …). */
  category?: string | null;
  /** Column API names. */
  fields?: string[];
  favorite?: unknown;
  isOffLine?: boolean | null;
  sortBy?: string | null;
  // `string & {}` keeps the known values offered by editors next to any other string.
  sortOrder?: 'asc' | 'desc' | (string & {}) | null;
  sharedType?: unknown;
  /** The conditions of the criteria in order; {@link criteriaPattern} says how they combine. */
  criteria?: ZCRMCustomViewCriteria[];
  /** How the numbered {@link criteria} combine, e.g. `1`, `1 and 2`, `(1 and 2) or 3`. */
  criteriaPattern?: string;
  /** The criteria as Zoho sent them (a condition or a `{group_operator, group}` tree). */
  criteriaJson?: unknown;
  /** Every category of views of the module (from `info.translation`). */
  categories?: ZCRMCustomViewCategory[];

  constructor(moduleApiName?: string, id?: string) {
    if (moduleApiName !== undefined) this.moduleApiName = moduleApiName;
    if (id !== undefined) this.id = id;
  }

  /** Builds a view object without a request (seed order: module API name, id). */
  static getInstance(moduleApiName?: string, id?: string): ZCRMCustomView {
    return new ZCRMCustomView(moduleApiName, id);
  }

  /** Parses one `custom_views` element; `translation` is the response's `info.translation`, when present. */
  static fromJson(json: Json, moduleApiName?: string, translation?: Record<string, unknown>): ZCRMCustomView {
    const view = new ZCRMCustomView(moduleApiName, idString(json.id));
    view.name = str(json.name);
    view.displayValue = str(json.display_value);
    view.systemName = str(json.system_name);
    if ('default' in json) view.isDefault = bool(json.default);
    if ('system_defined' in json) view.isSystemDefined = bool(json.system_defined);
    if ('category' in json) view.category = str(json.category);
    if ('fields' in json) view.fields = strings(json.fields);
    if ('favorite' in json) view.favorite = json.favorite;
    if ('offline' in json) view.isOffLine = bool(json.offline);
    if ('sort_by' in json) view.sortBy = str(json.sort_by);
    if ('sort_order' in json) view.sortOrder = str(json.sort_order);
    if ('shared_type' in json) view.sharedType = json.shared_type;
    if ('criteria' in json) {
      view.criteriaJson = json.criteria;
      const flat = flattenCriteria(json.criteria);
      if (flat) {
        view.criteria = flat.criteria;
        view.criteriaPattern = flat.pattern;
      }
    }
    if (translation) view.categories = ZCRMCustomViewCategory.fromTranslation(translation);
    return view;
  }

  /** The body item of `updateCustomView`: `sort_by` and `sort_order` when set. */
  toSettingsJson(): Json {
    const out: Json = {};
    putDefined(out, 'sort_by', this.sortBy);
    putDefined(out, 'sort_order', this.sortOrder);
    return out;
  }
}

/**
 * Numbers the leaf conditions of a criteria value depth-first and writes the pattern that combines them. Accepts
 * a leaf `{field, comparator, value}`, a `{group_operator, group: [...]}` tree (v2) and the older list form
 * `[leaf, "and", leaf]`. `undefined` for `null` or anything else.
 */
export function flattenCriteria(
  value: unknown,
): { criteria: ZCRMCustomViewCriteria[]; pattern: string } | undefined {
  const criteria: ZCRMCustomViewCriteria[] = [];
  const walk = (node: unknown, nested: boolean): string | undefined => {
    if (Array.isArray(node)) {
      const parts = (node as unknown[]).map((part) =>
        part === 'and' || part === 'or' ? part : walk(part, true),
      );
      if (parts.some((p) => p === undefined)) return undefined;
      return wrap(parts.join(' '), nested && node.length > 1);
    }
    if (!isJsonObject(node)) return undefined;
    if (Array.isArray(node.group)) {
      const operator = typeof node.group_operator === 'string' ? node.group_operator.toLowerCase() : 'and';
      const parts = node.group.map((child) => walk(child, true));
      if (parts.some((p) => p === undefined)) return undefined;
      return wrap(parts.join(` ${operator} `), nested && node.group.length > 1);
    }
    criteria.push(ZCRMCustomViewCriteria.fromJson(node));
    return String(criteria.length);
  };
  const pattern = walk(value, false);
  return pattern === undefined ? undefined : { criteria, pattern };
}

function wrap(text: string, parenthesise: boolean): string {
  return parenthesise ? `(${text})` : text;
}
