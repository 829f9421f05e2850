import type { EmulatorContext } from '../context';
import type { Operation, ScopeRequirement } from './scopes';

/** `ZohoCRM.modules.{module}.{op}`: the module's own scope name (custom modules share `custom`). */
export function moduleScope(
  ctx: EmulatorContext,
  moduleApiName: string,
  operation: Operation,
): ScopeRequirement[] {
  const module = ctx.findModule(moduleApiName);
  const resource =
    module?.scope ?? (module?.generated_type === 'custom' ? 'custom' : moduleApiName.toLowerCase());
  return [{ group: 'ZohoCRM.modules', resource, operation }];
}

/** `ZohoCRM.settings.{resource}.{op}`. */
export function settingsScope(resource: string, operation: Operation): ScopeRequirement[] {
  return [{ group: 'ZohoCRM.settings', resource, operation }];
}
