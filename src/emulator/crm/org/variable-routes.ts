import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { VariableDef, VariableGroupDef } from '../../state/types';
import { isPlainObject } from '../body';
import { crmRoute, NO_CONTENT } from '../route';
import { settingsScope } from '../module-scopes';
import { batchReply, writeEachItem } from '../batch-reply';
import { requireIdsParam } from '../ids-param';
import { ApiErrors, ItemResult } from '../zoho-error';
import { createVariable, deleteVariable, findGroup, findVariable, updateVariable } from './variable-write';
import { ItemErrors } from '../item-errors';

const MAX_VARIABLES = 100;

/**
 * `GET|POST|PUT|DELETE /settings/variables`, `GET|PUT|DELETE /settings/variables/{id or api_name}` (optional
 * `group` filter) and `GET /settings/variable_groups[/{id or api_name}]` (docs/zoho-v2-notes.md §6). Write results come back
 * under `variables`.
 */
export function registerVariableRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/variables',
    scopes: () => settingsScope('variables', 'READ'),
    handler: ({ query }) => {
      const group = groupParam(ctx, query.group);
      const variables = ctx.state.variables.filter((v) => !group || v.variable_group === group.id);
      if (variables.length === 0) return NO_CONTENT;
      return { variables: variables.map((v) => renderVariable(ctx, v)) };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/variables/:key',
    scopes: () => settingsScope('variables', 'READ'),
    handler: ({ params, query }) => {
      const variable = variableByPath(ctx, params.key);
      const group = groupParam(ctx, query.group);
      // [I] A variable asked for under another group is not found there.
      if (group && variable.variable_group !== group.id) throw ApiErrors.invalidId(params.key);
      return { variables: [renderVariable(ctx, variable)] };
    },
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/settings/variables',
    scopes: () => settingsScope('variables', 'CREATE'),
    handler: ({ request }) =>
      writeEachItem(ctx, request, 'variables', MAX_VARIABLES, 201, (item) => createVariable(ctx, item)),
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/settings/variables',
    scopes: () => settingsScope('variables', 'UPDATE'),
    handler: ({ request }) =>
      writeEachItem(ctx, request, 'variables', MAX_VARIABLES, 200, (item): ItemResult => {
        // [I] Items name their variable by id, or by API name when the id is absent.
        const key = isPlainObject(item) ? (item.id ?? item.api_name) : undefined;
        if (key === undefined || key === null) return ItemErrors.mandatory('id');
        const variable = findVariable(ctx, String(key));
        if (!variable) return ItemErrors.invalidId(String(key));
        return updateVariable(ctx, variable, item);
      }),
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/settings/variables/:key',
    scopes: () => settingsScope('variables', 'UPDATE'),
    handler: ({ params, request }) => {
      const variable = variableByPath(ctx, params.key);
      return writeEachItem(ctx, request, 'variables', 1, 200, (item) => updateVariable(ctx, variable, item));
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/settings/variables',
    scopes: () => settingsScope('variables', 'DELETE'),
    handler: ({ query }) => {
      const results = requireIdsParam(query, MAX_VARIABLES).map((id) => deleteVariable(ctx, id));
      return batchReply(ctx, results, 200, 'variables');
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/settings/variables/:key',
    scopes: () => settingsScope('variables', 'DELETE'),
    handler: ({ params }) => {
      const result = deleteVariable(ctx, variableByPath(ctx, params.key).id);
      return batchReply(ctx, [result], 200, 'variables');
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/variable_groups',
    scopes: () => settingsScope('variable_groups', 'READ'),
    handler: () => {
      if (ctx.state.variableGroups.length === 0) return NO_CONTENT;
      return { variable_groups: ctx.state.variableGroups.map(renderGroup) };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/variable_groups/:key',
    scopes: () => settingsScope('variable_groups', 'READ'),
    handler: ({ params }) => {
      const group = findGroup(ctx, params.key);
      if (!group) throw ApiErrors.invalidId(params.key);
      return { variable_groups: [renderGroup(group)] };
    },
  });
}

/** A variable with its group as `{api_name, id}` (docs/zoho-v2-notes.md §6.3). */
function renderVariable(ctx: EmulatorContext, variable: VariableDef): Record<string, unknown> {
  const group = ctx.state.variableGroups.find((g) => g.id === variable.variable_group);
  return {
    id: variable.id,
    api_name: variable.api_name,
    name: variable.name,
    description: variable.description ?? null,
    type: variable.type,
    value: variable.value,
    variable_group: group ? { api_name: group.api_name, id: group.id } : null,
  };
}

function renderGroup(group: VariableGroupDef): Record<string, unknown> {
  return {
    id: group.id,
    api_name: group.api_name,
    name: group.name,
    display_label: group.display_label,
    description: group.description ?? null,
  };
}

function variableByPath(ctx: EmulatorContext, key: string): VariableDef {
  const variable = findVariable(ctx, key);
  if (!variable) throw ApiErrors.invalidId(key);
  return variable;
}

/** The `group` query parameter (id or API name); an unknown group is `INVALID_DATA`. */
function groupParam(ctx: EmulatorContext, key: string | undefined): VariableGroupDef | undefined {
  if (key === undefined) return undefined;
  const group = findGroup(ctx, key);
  if (!group) throw ApiErrors.invalidData({ param: 'group' });
  return group;
}
