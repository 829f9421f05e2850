import type { EmulatorContext } from '../../context';
import type { ModuleDef, RelatedListDef, StoredRecord } from '../../state/types';
import { idOf } from '../records/field-values';
import { attachmentsOf, renderAttachment } from '../attachments/attachment-store';
import { notesOf, renderNote } from '../notes/note-store';
import { fieldDef, renderRecord } from '../records/render';
import { linksOf } from './links';
import { invalidRelation, ParentRef } from './parent';

/** One record on a related list: the stored record (for filters and sorting) and how the list renders it. */
export interface RelatedRow {
  record: StoredRecord;
  render(): Record<string, unknown>;
}

/** The records on `parent`'s related list `rl`, by how the list is stored (`RelatedListDef.kind`). */
export function relatedRows(ctx: EmulatorContext, parent: ParentRef, rl: RelatedListDef): RelatedRow[] {
  switch (rl.kind) {
    case 'notes':
      return notesOf(ctx, parent).map((note) => ({ record: note, render: () => renderNote(ctx, note) }));
    case 'attachments':
      return attachmentsOf(ctx, parent).map((a) => ({ record: a, render: () => renderAttachment(ctx, a) }));
    case 'link': {
      const module = ctx.module(rl.module);
      return Object.entries(linksOf(ctx, parent, rl)).flatMap(([id, relation]) => {
        const record = ctx.state.records[module.api_name]?.[id];
        // [I] Relation data (Member_Status, list_price …) shows beside the related record's fields.
        return record
          ? [{ record, render: () => ({ ...renderRecord(ctx, module, record), ...relation }) }]
          : [];
      });
    }
    case 'lookup': {
      const module = ctx.module(rl.module);
      return Object.values(ctx.recordsOf(module.api_name))
        .filter((child) => pointsAt(module, rl, child, parent))
        .map((child) => ({ record: child, render: () => renderRecord(ctx, module, child) }));
    }
    default:
      // The aggregate `activities` list is not served.
      throw invalidRelation();
  }
}

/** True when `child`'s lookup field of a lookup-kind list names `parent` (polymorphic lookups also match `$se_module`). */
export function pointsAt(
  module: ModuleDef,
  rl: RelatedListDef,
  child: StoredRecord,
  parent: ParentRef,
): boolean {
  const field = rl.lookup_field;
  if (field === undefined || idOf(child[field]) !== parent.record.id) return false;
  return (
    fieldDef(module, field)?.lookup_module !== '$se_module' || child.$se_module === parent.module.api_name
  );
}
