/** A module related to a blueprint (the seed's `ZCRMBlueprintRelatedModule`): data only. */
export class ZCRMBlueprintRelatedModule {
  id?: string;
  displayLabel?: string | null;
  moduleName?: string | null;

  constructor(id?: string) {
    if (id !== undefined) this.id = id;
  }

  static getInstance(id?: string): ZCRMBlueprintRelatedModule {
    return new ZCRMBlueprintRelatedModule(id);
  }
}
