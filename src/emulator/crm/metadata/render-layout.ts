import type { EmulatorContext } from '../../context';
import type { FieldDef, ModuleDef } from '../../state/types';
import { SEED_TIME } from '../../data/org';
import { moduleExtras } from './metadata-state';
import { renderField } from './render-field';
import { userNameRef } from './render-module';
import { CONVERT_TARGETS } from './lead-convert-mapping';

const ADDRESS = /^(Billing_|Shipping_|Mailing_)|^(Street|City|State|Zip_Code|Country)$/;

interface SectionPlan {
  name: string;
  columns: number;
  holds: (field: FieldDef) => boolean;
}

/**
 * The module's one layout, "Standard" (docs/zoho-v2-notes.md §6.3; the keys the Python SDK's `get_zcrmlayout` reads): every
 * field grouped into Zoho's usual sections, visible to every profile; Leads' layout adds the conversion mapping.
 */
export function renderLayout(ctx: EmulatorContext, module: ModuleDef): Record<string, unknown> {
  const admin = userNameRef(ctx, ctx.adminUser().id);
  const layout: Record<string, unknown> = {
    id: moduleExtras(ctx, module).layout_id,
    name: 'Standard',
    visible: true,
    // [I] 0 is an active layout.
    status: 0,
    created_time: SEED_TIME,
    modified_time: SEED_TIME,
    created_by: admin,
    modified_by: admin,
    created_for: null,
    profiles: ctx.state.profiles.map((p) => ({ name: p.name, id: p.id, default: true })),
    sections: renderSections(ctx, module),
  };
  if (module.convertable) layout.convert_mapping = convertMapping(ctx);
  return layout;
}

function renderSections(ctx: EmulatorContext, module: ModuleDef): Array<Record<string, unknown>> {
  const plans: SectionPlan[] = [
    { name: 'Address Information', columns: 2, holds: (f) => ADDRESS.test(f.api_name) },
    { name: 'Product Details', columns: 1, holds: (f) => f.data_type === 'lineitem' },
    { name: 'Description Information', columns: 1, holds: (f) => f.data_type === 'textarea' },
  ];
  const main: SectionPlan = {
    name: `${module.singular_label} Information`,
    columns: 2,
    holds: (f) => !plans.some((p) => p.holds(f)),
  };
  return [main, ...plans]
    .map((plan) => ({ plan, fields: module.fields.filter(plan.holds) }))
    .filter(({ fields }) => fields.length > 0)
    .map(({ plan, fields }, i) => ({
      name: plan.name,
      display_label: plan.name,
      api_name: plan.name.replace(/\W+/g, '_'),
      sequence_number: i + 1,
      column_count: plan.columns,
      tab_traversal: 1,
      generated_type: 'default',
      isSubformSection: false,
      properties: null,
      // [I] A section's fields name it by its sequence number (the Node SDK 2.0 `fields/field.js` types
      // `section_id` as an integer; sections carry no id of their own).
      fields: fields.map((f) => ({
        ...renderField(ctx, module, f, module.fields.indexOf(f)),
        required: f.system_mandatory ?? false,
        section_id: i + 1,
      })),
    }));
}

/**
 * `convert_mapping` of the Leads layout: for each target module, its layout and the fields a conversion must
 * fill (Python SDK `ZCRMLeadConvertMapping`). [I] Those are the target's system-mandatory fields.
 */
function convertMapping(ctx: EmulatorContext): Record<string, unknown> {
  const mapping: Record<string, unknown> = {};
  for (const name of CONVERT_TARGETS) {
    const target = ctx.findModule(name);
    if (!target) continue;
    mapping[name] = {
      name: 'Standard',
      id: moduleExtras(ctx, target).layout_id,
      fields: target.fields
        .filter((f) => f.system_mandatory)
        .map((f) => ({ api_name: f.api_name, id: f.id, field_label: f.field_label, required: true })),
    };
  }
  return mapping;
}
