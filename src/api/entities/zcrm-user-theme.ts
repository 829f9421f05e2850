/** A user's UI theme (`theme` of the users API). Data only. */
export class ZCRMUserTheme {
  normalTabFontColor?: string | null;
  normalTabBackground?: string | null;
  selectedTabFontColor?: string | null;
  selectedTabBackground?: string | null;
  newBackground?: string | null;
  background?: string | null;
  screen?: string | null;
  type?: string | null;

  /** Builds an empty object without a request. */
  static getInstance(): ZCRMUserTheme {
    return new ZCRMUserTheme();
  }
}
