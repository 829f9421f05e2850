import * as metadata from '../api/operations/metadata-operations';
import type { ZCRMRestClient } from '../api/rest-client';
import { ValidationException } from '../errors/validation-exception';
import type { FieldJson, ModelSource, ModuleJson } from './metadata-json';
import { moduleName } from './field-mapping';
import { closestName } from './naming';

/** Options of {@link fetchModelSource}. */
export interface FetchOptions {
  /** Module API names to generate (as Zoho spells them); default every module the API supports. */
  modules?: readonly string[];
}

/**
 * Reads what model generation needs through the metadata operations: `settings/modules`, then
 * `settings/fields?module=` for each module chosen (and for the modules behind its subforms). An unknown module
 * name fails before any field is read, naming the module and the closest match.
 */
export async function fetchModelSource(
  client: ZCRMRestClient,
  options: FetchOptions = {},
): Promise<ModelSource> {
  const listed = await metadata.getModules(client);
  const all = (listed.data?.modules ?? []) as ModuleJson[];
  const supported = all.filter((m) => typeof m.api_name === 'string' && m.api_supported !== false);
  const chosen = options.modules === undefined ? supported : pick(supported, options.modules);

  const fields: Record<string, FieldJson[]> = {};
  let fetchedAt: string | undefined;
  const read = async (module: string): Promise<FieldJson[]> => {
    const response = await metadata.getFields(client, module);
    fetchedAt ??= serverTime(response.headers.date);
    return response.data?.fields ?? [];
  };
  await eachLimited(chosen, 4, async (module) => {
    fields[module.api_name!] = await read(module.api_name!);
  });

  const subformModules = new Set<string>();
  for (const list of Object.values(fields)) {
    for (const field of list) {
      const target = field.data_type === 'subform' ? moduleName(field.subform?.module) : undefined;
      if (target !== undefined && fields[target] === undefined) subformModules.add(target);
    }
  }
  await eachLimited([...subformModules], 4, async (module) => {
    fields[module] = await read(module);
  });

  return {
    modules: chosen,
    fields,
    allModules: all.flatMap((m) => (typeof m.api_name === 'string' ? [m.api_name] : [])),
    fetchedAt: fetchedAt ?? new Date().toISOString(),
    origin: client.config.apiBaseUrl,
  };
}

/** The requested modules, in the order asked, each checked against the org's. */
function pick(supported: ModuleJson[], wanted: readonly string[]): ModuleJson[] {
  const out: ModuleJson[] = [];
  for (const name of wanted) {
    const found = supported.find((m) => m.api_name === name);
    if (!found) {
      const near = closestName(
        name,
        supported.map((m) => m.api_name!),
      );
      const hint = near
        ? ` (did you mean "${near}"?)`
        : `; the org's modules are ${supported.map((m) => m.api_name).join(', ')}`;
      throw ValidationException.invalidInput('modules', `no API-supported module "${name}"${hint}`);
    }
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

/** An HTTP `Date` header as ISO 8601, or undefined when absent or unreadable. */
function serverTime(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const time = Date.parse(header);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
