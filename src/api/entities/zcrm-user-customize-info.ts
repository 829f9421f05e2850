/** A user's personalisation flags (`customize_info` of the users API). Data only. */
export class ZCRMUserCustomizeInfo {
  notesDesc?: string | null;
  isToShowRightPanel?: boolean | null;
  isBcView?: boolean | null;
  isToShowHome?: boolean | null;
  isToShowDetailView?: boolean | null;
  unpinRecentItem?: string | null;

  /** Builds an empty object without a request. */
  static getInstance(): ZCRMUserCustomizeInfo {
    return new ZCRMUserCustomizeInfo();
  }
}
