import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { UserDef } from '../../state/types';
import { isPlainObject, pageOf, paging } from '../body';
import { crmRoute, NO_CONTENT } from '../route';
import type { Operation, ScopeRequirement } from '../scopes';
import { batchReply, writeEachItem } from '../batch-reply';
import { ifModifiedSince, modifiedAfter } from '../records/read-routes';
import { ApiErrors, ItemResult } from '../zoho-error';
import { renderUser } from './render-user';
import { createUser, deleteUser, isAdmin, privilegeError, updateUser } from './user-write';
import { ItemErrors } from '../item-errors';

type UserFilter = (ctx: EmulatorContext, user: UserDef, caller: UserDef) => boolean;
const live = (u: UserDef) => u.status !== 'deleted';

/** `GET /users?type=`: which users each type lists (docs/zoho-v2-notes.md §6). Deleted users only appear under `DeletedUsers`. */
const USER_TYPES: Record<string, UserFilter> = {
  AllUsers: (_ctx, u) => live(u),
  ActiveUsers: (_ctx, u) => u.status === 'active',
  DeactiveUsers: (_ctx, u) => u.status === 'disabled',
  ConfirmedUsers: (_ctx, u) => live(u) && u.confirm,
  NotConfirmedUsers: (_ctx, u) => live(u) && !u.confirm,
  DeletedUsers: (_ctx, u) => u.status === 'deleted',
  ActiveConfirmedUsers: (_ctx, u) => u.status === 'active' && u.confirm,
  AdminUsers: (ctx, u) => live(u) && isAdmin(ctx, u),
  ActiveConfirmedAdmins: (ctx, u) => u.status === 'active' && u.confirm && isAdmin(ctx, u),
  CurrentUser: (_ctx, u, caller) => u.id === caller.id,
};

const usersScope = (operation: Operation): ScopeRequirement[] => [{ group: 'ZohoCRM.users', operation }];
/** Users per create or update call (docs/zoho-v2-notes.md §2). */
const MAX_USERS = 100;

/** `GET|POST|PUT /users`, `GET|PUT|DELETE /users/{id}` (docs/zoho-v2-notes.md §6, §6.3). */
export function registerUserRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/users',
    scopes: () => usersScope('READ'),
    handler: ({ query, request, user: caller }) => {
      // [I] Without `type` Zoho lists AllUsers (the Python SDK's get_all_users sends none).
      const filter = USER_TYPES[query.type ?? 'AllUsers'];
      if (!filter) throw ApiErrors.invalidData({ param: 'type' });
      const { page, perPage } = paging(query);
      let users = ctx.state.users.filter((u) => filter(ctx, u, caller));
      const since = ifModifiedSince(request.headers['if-modified-since']);
      if (since !== undefined) {
        users = users.filter((u) => modifiedAfter(u, since));
        if (users.length === 0) return { status: 304 };
      }
      const result = pageOf(users, page, perPage);
      if (!result) return NO_CONTENT;
      return { users: result.data.map((u) => renderUser(ctx, u)), info: result.info };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/users/:id',
    scopes: () => usersScope('READ'),
    handler: ({ params, request }) => {
      // An unknown user id answers 204 No Content (zoho/crm-oas `users.json`: GET /users/{user} is 200 or 204).
      const user = ctx.userById(params.id);
      if (!user) return NO_CONTENT;
      const since = ifModifiedSince(request.headers['if-modified-since']);
      if (since !== undefined && !modifiedAfter(user, since)) return { status: 304 };
      return { users: [renderUser(ctx, user)] };
    },
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/users',
    scopes: () => usersScope('CREATE'),
    handler: ({ request, user: caller }) => {
      if (!isAdmin(ctx, caller)) throw privilegeError('add');
      return writeEachItem(ctx, request, 'users', MAX_USERS, 201, (item) => createUser(ctx, item, caller));
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/users',
    scopes: () => usersScope('UPDATE'),
    handler: ({ request, user: caller }) =>
      writeEachItem(ctx, request, 'users', MAX_USERS, 200, (item): ItemResult => {
        const id = isPlainObject(item) ? item.id : undefined;
        if (id === undefined || id === null) return ItemErrors.mandatory('id');
        const target = ctx.userById(String(id));
        if (!target) return ItemErrors.invalidId(String(id));
        return updateUser(ctx, target, item, caller);
      }),
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/users/:id',
    scopes: () => usersScope('UPDATE'),
    handler: ({ params, request, user: caller }) => {
      const target = userByPathId(ctx, params.id);
      return writeEachItem(ctx, request, 'users', 1, 200, (item) => updateUser(ctx, target, item, caller));
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/users/:id',
    scopes: () => usersScope('DELETE'),
    handler: ({ params, user: caller }) => {
      if (!isAdmin(ctx, caller)) throw privilegeError('delete');
      const result = deleteUser(ctx, userByPathId(ctx, params.id), caller);
      return batchReply(ctx, [result], 200, 'users');
    },
  });
}

/** The user a path names; [I] an unknown id is a 400 `INVALID_DATA`, as the Python SDK expects for `get_user`. */
function userByPathId(ctx: EmulatorContext, id: string): UserDef {
  const user = ctx.userById(id);
  if (!user) throw ApiErrors.invalidId(id);
  return user;
}
