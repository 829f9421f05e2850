import { isJsonObject, Json, str } from '../mappers/json-utils';

/** A checklist a blueprint transition asks to complete (the seed's `ZCRMTransitionCheckList`): a title and its items. */
export class ZCRMTransitionCheckList {
  title?: string | null;
  /** The items as Zoho sends them (each an object such as `{"title": …, "id": …}`). */
  items: Record<string, unknown>[] = [];

  constructor(title?: string | null) {
    if (title !== undefined) this.title = title;
  }

  static getInstance(title?: string | null): ZCRMTransitionCheckList {
    return new ZCRMTransitionCheckList(title);
  }

  /** Parses `{"title": …, "items": [{…}]}`. */
  static fromJson(json: Json): ZCRMTransitionCheckList {
    const checklist = new ZCRMTransitionCheckList(json.title === undefined ? undefined : str(json.title));
    if (Array.isArray(json.items))
      checklist.items = json.items.filter(isJsonObject).map((item) => ({ ...item }));
    return checklist;
  }
}
