import type { FieldDef, ModuleDef } from '../../state/types';

/** A custom-view criterion, or a group of them (docs/zoho-v2-notes.md §6.3; `@zohocrm/nodejs-sdk-2.0` model `custom_views/criteria`). */
export type CvCriteria =
  | { comparator: string; field: string; value: unknown }
  | { group_operator: 'and' | 'or'; group: CvCriteria[] };

export interface CustomViewDef {
  id: string;
  /** Label shown in the CRM, e.g. `All Leads`. */
  name: string;
  /** Zoho's stable key for system views (`ALLVIEWS`, `MYVIEWS` …). */
  system_name: string;
  criteria: CvCriteria | null;
  /** Columns of the view, by field API name. */
  fields: string[];
  sort_by: string | null;
  sort_order: 'asc' | 'desc' | null;
}

const CURRENT_USER = '${CURRENTUSER}';
// [I] Zoho's relative-date macro for "in the last 7 days" in criteria values.
const LAST_7_DAYS = '${LAST7DAYS}';

/**
 * The system views every module gets ("All Leads" first, the default), plus "Converted Leads" for Leads.
 * [I] The set and the criteria of each view follow Zoho's standard views; the exact macros are not documented for v2.
 */
export function systemCustomViews(module: ModuleDef, nextId: () => string): CustomViewDef[] {
  const plural = module.plural_label;
  const fields = viewColumns(module);
  const view = (system_name: string, name: string, criteria: CvCriteria | null): CustomViewDef => ({
    id: nextId(),
    name,
    system_name,
    criteria,
    fields,
    sort_by: null,
    sort_order: null,
  });
  const views = [
    view('ALLVIEWS', `All ${plural}`, null),
    view('MYVIEWS', `My ${plural}`, { comparator: 'equal', field: 'Owner', value: CURRENT_USER }),
    view('RECENTLYCREATED', `Recently Created ${plural}`, {
      comparator: 'greater_equal',
      field: 'Created_Time',
      value: LAST_7_DAYS,
    }),
    view('RECENTLYMODIFIED', `My Recently Modified ${plural}`, {
      group_operator: 'and',
      group: [
        { comparator: 'equal', field: 'Owner', value: CURRENT_USER },
        { comparator: 'greater_equal', field: 'Modified_Time', value: LAST_7_DAYS },
      ],
    }),
  ];
  if (module.api_name === 'Leads') {
    views.push(
      view('CONVERTEDLEADS', 'Converted Leads', { comparator: 'equal', field: '$converted', value: true }),
    );
  }
  return views;
}

/** The display field, then the first editable scalar fields, then the owner: the columns Zoho's default views show. */
function viewColumns(module: ModuleDef): string[] {
  const scalar = (f: FieldDef) =>
    !f.read_only && !['textarea', 'lineitem', 'jsonarray', 'ownerlookup'].includes(f.data_type);
  const picked = module.fields
    .filter(scalar)
    .map((f) => f.api_name)
    .slice(0, 5);
  return [...new Set([module.display_field, ...picked, 'Owner'])];
}
