import { ORG_PREFIX, seedOrg, seedProfiles, seedRoles, seedTaxes, seedUsers, seedVariableGroups, seedVariables } from '../data/org';
import { standardModules } from '../data/standard-modules';
import { customModule, SeedFile } from '../data/seed-file';
import type { EmulatorState, ModuleDef } from './types';

/** First sequence number for ids minted at run time (seed ids use lower ones). */
const RUNTIME_ID_START = 1_000_000;

/**
 * Builds the org's metadata-only state: org, users, roles, profiles, taxes, variables and every module's
 * fields with stable ids. Records are added afterwards through the normal write path (see `seedRecords`).
 */
export function buildInitialState(seed: SeedFile = {}): EmulatorState {
  const modules = standardModules();
  const systemFields = modules[0].fields.filter((fd) => ['Owner', 'Created_By', 'Modified_By', 'Created_Time', 'Modified_Time', 'Last_Activity_Time', 'Tag'].includes(fd.api_name));
  for (const entry of seed.modules ?? []) {
    const existing = modules.findIndex((m) => m.api_name.toLowerCase() === entry.api_name.toLowerCase());
    const module = customModule(entry, systemFields.map((fd) => ({ ...fd })));
    if (existing >= 0) modules[existing] = module;
    else modules.push(module);
  }
  for (const [apiName, fields] of Object.entries(seed.fields ?? {})) {
    const module = modules.find((m) => m.api_name.toLowerCase() === apiName.toLowerCase());
    if (!module) throw new Error(`invalid emulator seed file: fields.${apiName} names no module`);
    for (const fd of fields) {
      module.fields = module.fields.filter((existing) => existing.api_name !== fd.api_name);
      module.fields.push({ custom_field: true, ...fd });
    }
  }
  assignMetadataIds(modules);
  return {
    version: 1,
    idCursor: RUNTIME_ID_START,
    org: seedOrg(),
    users: seedUsers(),
    roles: seedRoles(),
    profiles: seedProfiles(),
    modules,
    taxes: seedTaxes(),
    records: {},
    deleted: [],
    links: {},
    files: {},
    photos: {},
    tags: [],
    variables: seedVariables(),
    variableGroups: seedVariableGroups(),
    oauth: { grants: {}, refreshTokens: {}, accessTokens: {} },
    extra: {},
  };
}

/** Deterministic metadata ids (`<org prefix>000000<seq>`), so a restarted emulator reports the same ids. */
function assignMetadataIds(modules: ModuleDef[]): void {
  let seq = 2000;
  const next = (): string => ORG_PREFIX + String(seq++).padStart(12, '0');
  modules.forEach((module, index) => {
    module.id ??= next();
    module.module_name ??= module.api_name;
    module.sequence_number ??= index + 1;
    for (const field of module.fields) field.id ??= next();
    for (const rl of module.related_lists ?? []) rl.id ??= next();
  });
}
