import {
  ORG_PREFIX,
  seedOrg,
  seedProfiles,
  seedRoles,
  seedTaxes,
  seedUsers,
  seedVariableGroups,
  seedVariables,
} from '../data/org';
import { standardModules } from '../data/standard-modules';
import { customModule, seedError, seedField, SeedFile } from '../data/seed-file';
import { buildModuleExtras, MetadataState } from '../crm/metadata/metadata-state';
import type { EmulatorState, FieldDef, ModuleDef } from './types';

/** First sequence number for ids minted at run time (seed ids use lower ones). */
const RUNTIME_ID_START = 1_000_000;

/** Fields every custom module gets from the standard ones (owner, audit fields, tags). */
const SYSTEM_FIELDS = [
  'Owner',
  'Created_By',
  'Modified_By',
  'Created_Time',
  'Modified_Time',
  'Last_Activity_Time',
  'Tag',
];

/**
 * Builds the org's metadata-only state: org, users, roles, profiles, taxes, variables and every module's
 * fields, layouts and views with stable ids. Records are added afterwards through the normal write path
 * (see `seedRecords`). A seed file that references unknown modules or fields fails here, naming the entry
 * (`seedRecords` checks the modules of its records).
 */
export function buildInitialState(seed: SeedFile = {}): EmulatorState {
  const modules = standardModules();
  const systemFields = modules[0].fields.filter((fd) => SYSTEM_FIELDS.includes(fd.api_name));
  (seed.modules ?? []).forEach((entry, i) => {
    if (findModule(modules, entry.api_name)) {
      throw seedError(
        `modules[${i}].api_name "${entry.api_name}" already names a module; add fields to it under fields.${entry.api_name}`,
      );
    }
    const module = customModule(
      entry,
      systemFields.map((fd) => ({ ...fd })),
    );
    if (!module.fields.some((fd) => fd.api_name === module.display_field)) {
      throw seedError(
        `modules[${i}].display_field "${module.display_field}" names no field of ${module.api_name}`,
      );
    }
    modules.push(module);
  });
  for (const [apiName, fields] of Object.entries(seed.fields ?? {})) {
    const module = findModule(modules, apiName);
    if (!module) throw seedError(`fields.${apiName} names no module`);
    for (const fd of fields) {
      module.fields = module.fields.filter((existing) => existing.api_name !== fd.api_name);
      module.fields.push(seedField(fd));
    }
  }
  checkLookups(modules, seed);
  const metadata = assignMetadataIds(modules);
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
    extra: { metadata },
  };
}

function findModule(modules: ModuleDef[], apiName: string): ModuleDef | undefined {
  const lower = apiName.toLowerCase();
  return modules.find((m) => m.api_name.toLowerCase() === lower);
}

/** Every seeded lookup must point at a module that exists once the seed is merged. */
function checkLookups(modules: ModuleDef[], seed: SeedFile): void {
  const check = (fields: FieldDef[] | undefined, where: string) =>
    (fields ?? []).forEach((fd, j) => {
      if (
        fd.lookup_module !== undefined &&
        !['users', '$se_module'].includes(fd.lookup_module) &&
        !findModule(modules, fd.lookup_module)
      ) {
        throw seedError(`${where}[${j}].lookup_module "${fd.lookup_module}" names no module`);
      }
    });
  (seed.modules ?? []).forEach((m, i) => check(m.fields as FieldDef[] | undefined, `modules[${i}].fields`));
  for (const [apiName, fields] of Object.entries(seed.fields ?? {}))
    check(fields as FieldDef[], `fields.${apiName}`);
}

/**
 * Deterministic metadata ids (`<org prefix>000000<seq>`) for modules, fields, related lists, layouts, views and
 * permissions, so a restarted emulator reports the same ids.
 */
function assignMetadataIds(modules: ModuleDef[]): MetadataState {
  let seq = 2000;
  const next = (): string => ORG_PREFIX + String(seq++).padStart(12, '0');
  const metadata: MetadataState = { modules: {} };
  modules.forEach((module, index) => {
    module.id ??= next();
    module.module_name ??= module.api_name;
    module.sequence_number ??= index + 1;
    for (const field of module.fields) field.id ??= next();
    for (const rl of module.related_lists ?? []) rl.id ??= next();
    metadata.modules[module.api_name] = buildModuleExtras(module, next);
  });
  return metadata;
}
