/** Model generation from Zoho CRM metadata (`zcrm generate`). */
export { generateModels, writeModels } from './generate-models';
export type { GenerateOptions, GenerateResult } from './generate-models';
export { fetchModelSource } from './fetch-metadata';
export type { FetchOptions } from './fetch-metadata';
export { renderModels, renderIndex, DEFAULT_RUNTIME_NAMES, GENERATED_MARKER } from './render-models';
export type { ExistingModel, GeneratedFile, RenderOptions } from './render-models';
export type { RuntimeNames, FieldPlan } from './field-mapping';
export type { FieldJson, ModuleJson, ModelSource, PickListValueJson } from './metadata-json';
export { camelCase, pascalCase, kebabCase } from './naming';
export { verifyModels } from './verify-models';
export type { ModelMismatch } from './verify-models';
export { closestName, editDistance } from './naming';
