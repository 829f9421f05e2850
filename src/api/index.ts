/** Public surface of the API layer (the lead re-exports it from `src/index.ts`). Parts append their lines. */
export * from './responses';
// Part A: records, modules' record operations, record mapping.
export { ZCRMRecord } from './entities/zcrm-record';
export type {
  ZCRMTrigger,
  ZCRMWriteOptions,
  ZCRMGetOptions,
  ZCRMConvertOptions,
  ZCRMConvertResult,
} from './entities/zcrm-record';
export { ZCRMModule, MAX_RECORDS_PER_CALL, MAX_MASS_UPDATE_IDS, MAX_PER_PAGE } from './entities/zcrm-module';
export type {
  GetRecordsOptions,
  UpsertOptions,
  MassUpdateTarget,
  MassUpdateOptions,
  ZCRMMassUpdateJob,
  DeletedRecordsOptions,
} from './entities/zcrm-module';
export { ZCRMMassUpdateStatus } from './entities/zcrm-mass-update-status';
export { ZCRMUser } from './entities/zcrm-user';
export type { ZCRMEntityRef } from './entities/zcrm-user';
export { ZCRMUserCustomizeInfo } from './entities/zcrm-user-customize-info';
export { ZCRMUserTheme } from './entities/zcrm-user-theme';
export { ZCRMInventoryLineItem } from './entities/zcrm-inventory-line-item';
export { ZCRMTax } from './entities/zcrm-tax';
export { ZCRMEventParticipant } from './entities/zcrm-event-participant';
export { ZCRMPriceBookPricing } from './entities/zcrm-price-book-pricing';
export { ZCRMTrashRecord } from './entities/zcrm-trash-record';
// Part B: organization, users, roles, profiles, org taxes, variables, module metadata.
export { ZCRMOrganization } from './entities/zcrm-organization';
export { ZCRMRole } from './entities/zcrm-role';
export { ZCRMProfile } from './entities/zcrm-profile';
export { ZCRMPermission } from './entities/zcrm-permission';
export { ZCRMProfileSection } from './entities/zcrm-profile-section';
export { ZCRMProfileCategory } from './entities/zcrm-profile-category';
export { ZCRMOrgTax } from './entities/zcrm-org-tax';
export { ZCRMVariable } from './entities/zcrm-variable';
export type { VariableValue } from './entities/zcrm-variable';
export { ZCRMVariableGroup } from './entities/zcrm-variable-group';
export { ZCRMField } from './entities/zcrm-field';
export type { FieldLayoutPermission, FieldTooltip } from './entities/zcrm-field';
export { ZCRMPickListValue } from './entities/zcrm-pick-list-value';
export { ZCRMLookupField } from './entities/zcrm-lookup-field';
export { ZCRMLayout } from './entities/zcrm-layout';
export { ZCRMSection } from './entities/zcrm-section';
export { ZCRMLeadConvertMapping } from './entities/zcrm-lead-convert-mapping';
export { ZCRMLeadConvertMappingField } from './entities/zcrm-lead-convert-mapping-field';
export { ZCRMCustomView } from './entities/zcrm-custom-view';
export { ZCRMCustomViewCriteria } from './entities/zcrm-custom-view-criteria';
export { ZCRMCustomViewCategory } from './entities/zcrm-custom-view-category';
export { ZCRMModuleRelatedList } from './entities/zcrm-module-related-list';
export { ZCRMRelatedListProperties } from './entities/zcrm-related-list-properties';
export type { GetFieldsOptions, GetCustomViewsOptions } from './entities/zcrm-module-metadata';
export type { ModuleProperties } from './mappers/module-mapper';
export type { ConditionalGet } from './operations/item-results';
export type { UserType } from './operations/users-operations';
// Part C: record sub-resources (notes, attachments, photo, tags, related lists, blueprint), tags admin, bulk jobs.
export { ZCRMNote } from './entities/zcrm-note';
export { ZCRMAttachment } from './entities/zcrm-attachment';
export { ZCRMTag } from './entities/zcrm-tag';
export { ZCRMJunctionRecord } from './entities/zcrm-junction-record';
export { ZCRMModuleRelation } from './entities/zcrm-module-relation';
export { ZCRMBlueprint } from './entities/zcrm-blueprint';
export { ZCRMBlueprintTransition } from './entities/zcrm-blueprint-transition';
export { ZCRMBlueprintRelatedModule } from './entities/zcrm-blueprint-related-module';
export { ZCRMTransition } from './entities/zcrm-transition';
export { ZCRMTransitionCheckList } from './entities/zcrm-transition-check-list';
export { ZCRMTransitionAttachment } from './entities/zcrm-transition-attachment';
export { ZCRMTransitionRelatedData } from './entities/zcrm-transition-related-data';
export { ZCRMTransitionCrypt } from './entities/zcrm-transition-crypt';
export { ZCRMBulkRead } from './entities/zcrm-bulk-read';
export type {
  BulkReadCriteria,
  BulkCallback,
  BulkReadResult,
  BulkReadState,
} from './entities/zcrm-bulk-read';
export { ZCRMBulkWrite } from './entities/zcrm-bulk-write';
export type {
  BulkWriteFieldMapping,
  BulkWriteResource,
  BulkWriteResourceStatus,
  BulkWriteUploadOptions,
  BulkWriteUpload,
  BulkWriteOperation,
  BulkWriteState,
} from './entities/zcrm-bulk-write';
export type { GetNotesOptions } from './services/record-notes-service';
export type { DownloadOptions } from './services/record-attachments-service';
export { MAX_TAGS_PER_RECORD } from './services/record-tags-service';
export type { AddTagsOptions } from './services/record-tags-service';
export { MAX_RELATIONS_PER_CALL } from './services/record-related-service';
export type { RelatedRecordsOptions } from './services/record-related-service';
export { MAX_TAGS_PER_CALL, MAX_RECORDS_PER_TAG_CALL } from './entities/zcrm-module-tags';
export type { MultiRecordTagOptions } from './entities/zcrm-module-tags';
export type { UploadSource, UploadOptions } from './files/upload-source';
export type { PollOptions } from './support/poll';
export type { PageOptions } from './support/checks';
