import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { ModuleDef, UserDef } from '../../state/types';
import { idOf } from '../records/field-values';
import { isPlainObject, readItems } from '../body';
import { moduleParam } from '../metadata/metadata-params';
import { settingsScope } from '../module-scopes';
import { batchReply, writeEachItem } from '../batch-reply';
import { crmRoute, CrmResult } from '../route';
import { ItemErrors } from '../item-errors';
import { ApiErrors, itemSuccess, ItemResult } from '../zoho-error';
import {
  createTag,
  deleteTag,
  findTag,
  findTagByName,
  mergeTag,
  renameTag,
  renderTag,
  requireTag,
  taggedRecords,
  tagsOfModule,
} from './tag-store';

/** Tags per create/update call (docs/zoho-v2-notes.md §5.13). */
const MAX_TAGS_PER_CALL = 50;
/** [I] The `allowed_count` Zoho reports for a module's tags. */
const ALLOWED_TAGS = 1000;

/** `/settings/tags` administration (docs/zoho-v2-notes.md §5.13); write results come under `tags`, not `data`. */
export function registerTagSettingsRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const tagsResult = (results: ItemResult[], successStatus: number): CrmResult =>
    batchReply(ctx, results, successStatus, 'tags');

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/tags',
    scopes: () => settingsScope('tags', 'READ'),
    handler: ({ query }) => {
      const tags = tagsOfModule(ctx, moduleParam(ctx, query).api_name);
      return {
        tags: tags.map((t) => renderTag(ctx, t)),
        info: { count: tags.length, allowed_count: ALLOWED_TAGS },
      };
    },
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/settings/tags',
    scopes: () => settingsScope('tags', 'CREATE'),
    handler: ({ query, request, user }) => {
      const module = moduleParam(ctx, query);
      // [I] 201, as for record inserts.
      return writeEachItem(ctx, request, 'tags', MAX_TAGS_PER_CALL, 201, (item) =>
        createTagItem(module, item, user),
      );
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/settings/tags',
    scopes: () => settingsScope('tags', 'UPDATE'),
    handler: ({ query, request, user }) => {
      const module = moduleParam(ctx, query);
      return writeEachItem(ctx, request, 'tags', MAX_TAGS_PER_CALL, 200, (item) =>
        updateTagItem(module, isPlainObject(item) ? idOf(item.id) : undefined, item, user),
      );
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/settings/tags/:id',
    scopes: () => settingsScope('tags', 'UPDATE'),
    handler: ({ params, query, request, user }) => {
      const module = moduleParam(ctx, query);
      return writeEachItem(ctx, request, 'tags', 1, 200, (item) =>
        updateTagItem(module, params.id, item, user),
      );
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/settings/tags/:id',
    scopes: () => settingsScope('tags', 'DELETE'),
    handler: ({ params }) => {
      deleteTag(ctx, requireTag(ctx, params.id));
      return tagsResult([itemSuccess('tags deleted successfully', { id: params.id })], 200);
    },
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/settings/tags/:id/actions/merge',
    scopes: () => settingsScope('tags', 'CREATE'),
    handler: ({ params, request }) => {
      const target = requireTag(ctx, params.id);
      const [item] = readItems(request, 'tags', 1).items;
      const conflictId = isPlainObject(item) ? idOf(item.conflict_id) : undefined;
      if (conflictId === undefined) throw ApiErrors.mandatoryNotFound({ api_name: 'conflict_id' });
      const conflict = findTag(ctx, conflictId);
      // [I] Merging a tag into itself or across modules is refused like an unknown tag.
      if (!conflict || conflict.id === target.id || conflict.module !== target.module) {
        throw ApiErrors.invalidData({ api_name: 'conflict_id' });
      }
      mergeTag(ctx, target, conflict);
      return tagsResult([itemSuccess('tags merged successfully', renderTag(ctx, target))], 200);
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/tags/:id/actions/records_count',
    scopes: () => settingsScope('tags', 'READ'),
    handler: ({ params }) => ({ count: String(taggedRecords(ctx, requireTag(ctx, params.id)).length) }),
  });

  function createTagItem(module: ModuleDef, item: unknown, user: UserDef): ItemResult {
    const name = tagName(item);
    if (name === undefined) return ItemErrors.mandatory('name');
    const existing = findTagByName(ctx, module.api_name, name);
    if (existing) return duplicate(existing.id);
    return itemSuccess(
      'tags created successfully',
      renderTag(ctx, createTag(ctx, module.api_name, name, user)),
    );
  }

  function updateTagItem(
    module: ModuleDef,
    id: string | undefined,
    item: unknown,
    user: UserDef,
  ): ItemResult {
    if (id === undefined) return ItemErrors.mandatory('id');
    const tag = findTag(ctx, id);
    if (!tag || tag.module !== module.api_name) return ItemErrors.invalidId(id);
    const name = tagName(item);
    if (name === undefined) return ItemErrors.mandatory('name');
    const existing = findTagByName(ctx, module.api_name, name);
    if (existing && existing.id !== tag.id) return duplicate(existing.id);
    renameTag(ctx, tag, name, user);
    return itemSuccess('tags updated successfully', renderTag(ctx, tag));
  }
}

function tagName(item: unknown): string | undefined {
  const name = isPlainObject(item) && typeof item.name === 'string' ? item.name.trim() : '';
  return name.length > 0 ? name : undefined;
}

/** [I] A name the module already has is reported like a duplicate record value. */
function duplicate(id: string): ItemResult {
  return ItemErrors.duplicate('name', id);
}
