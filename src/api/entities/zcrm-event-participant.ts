/**
 * A participant of an `Events` record (`Participants`). `type` is `contact`, `lead`, `user` or `email`;
 * `id` is the participant's record/user id, or the e-mail address when `type` is `email`. Data only.
 */
export class ZCRMEventParticipant {
  type?: string;
  id?: string;
  email?: string | null;
  name?: string | null;
  isInvited?: boolean | null;
  /** Zoho's response status (`not_known`, `accepted` …). */
  status?: string | null;

  constructor(type?: string, id?: string) {
    if (type !== undefined) this.type = type;
    if (id !== undefined) this.id = id;
  }

  /** Builds a participant without a request (`ZCRMEventParticipant.getInstance('contact', contactId)`). */
  static getInstance(type?: string, id?: string): ZCRMEventParticipant {
    return new ZCRMEventParticipant(type, id);
  }
}
