import { idString, Json, num, str } from '../mappers/json-utils';

/** An attachment a blueprint transition carries (the seed's `ZCRMTransitionAttachment`). */
export class ZCRMTransitionAttachment {
  name?: string | null;
  /** `$file_id`. */
  fileId?: string | null;
  /** `$link_url`. */
  linkUrl?: string | null;
  /** `fileSize`. */
  fileSize?: number | null;

  constructor(name?: string | null) {
    if (name !== undefined) this.name = name;
  }

  static getInstance(name?: string | null): ZCRMTransitionAttachment {
    return new ZCRMTransitionAttachment(name);
  }

  /** Parses `{"name", "$file_id", "$link_url", "fileSize"}`. */
  static fromJson(json: Json): ZCRMTransitionAttachment {
    const attachment = new ZCRMTransitionAttachment(json.name === undefined ? undefined : str(json.name));
    if (json.$file_id !== undefined) attachment.fileId = idString(json.$file_id) ?? null;
    if (json.$link_url !== undefined) attachment.linkUrl = str(json.$link_url);
    if (json.fileSize !== undefined) attachment.fileSize = num(json.fileSize);
    return attachment;
  }
}
