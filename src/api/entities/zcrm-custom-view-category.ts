/** A custom-view category (`info.translation` of the views API: `public_views` → "Public Views"). Data only. */
export class ZCRMCustomViewCategory {
  /** Zoho's key, e.g. `public_views`. */
  actualValue?: string;
  /** Its label, e.g. `Public Views`. */
  displayValue?: string | null;

  /** Builds an empty category without a request. */
  static getInstance(): ZCRMCustomViewCategory {
    return new ZCRMCustomViewCategory();
  }

  /** The categories of an `info.translation` object, in its order. */
  static fromTranslation(translation: Record<string, unknown>): ZCRMCustomViewCategory[] {
    return Object.entries(translation).map(([key, label]) => {
      const category = new ZCRMCustomViewCategory();
      category.actualValue = key;
      category.displayValue = typeof label === 'string' ? label : null;
      return category;
    });
  }
}
