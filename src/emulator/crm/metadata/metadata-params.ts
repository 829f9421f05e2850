import type { EmulatorContext } from '../../context';
import type { ModuleDef } from '../../state/types';
import { ApiErrors } from '../zoho-error';

/** The module named by the `module` query parameter: `REQUIRED_PARAM_MISSING` when absent, `INVALID_MODULE` when unknown. */
export function moduleParam(ctx: EmulatorContext, query: Record<string, string | undefined>): ModuleDef {
  const name = query.module?.trim();
  if (!name) throw ApiErrors.requiredParamMissing('module');
  return ctx.module(name);
}

/** A module by API name or by id, as `/settings/modules/{api_name or id}` accepts. */
export function moduleByNameOrId(ctx: EmulatorContext, key: string): ModuleDef {
  return ctx.state.modules.find((m) => m.id === key) ?? ctx.module(key);
}

/**
 * The item of `items` with the given id. [I] An unknown or malformed metadata id answers 400 `INVALID_DATA`
 * "the id given seems to be invalid" (as for record ids), rather than 204.
 */
export function itemById<T extends { id?: string }>(items: readonly T[], id: string): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw ApiErrors.invalidId(id);
  return found;
}
