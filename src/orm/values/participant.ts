import { ZCRMEventParticipant } from '../../api/entities/zcrm-event-participant';

/** What a {@link Participant} is made from. */
export interface ParticipantInit {
  /** `contact`, `lead`, `user` or `email`. */
  type: 'contact' | 'lead' | 'user' | 'email' | (string & {});
  /** The contact, lead or user id (for `email`, the address may be given as `email` instead). */
  id?: string;
  email?: string;
  name?: string;
  isInvited?: boolean;
  status?: string;
}

/**
 * A meeting participant (Events' `Participants`): the seed's `ZCRMEventParticipant` (one mapper for both
 * layers), constructible from an object:
 * ```ts
 * event.participants.push(new Participant({ type: 'contact', id: contactId }));
 * ```
 */
export class Participant extends ZCRMEventParticipant {
  constructor(init?: ParticipantInit) {
    super(init?.type, init?.id);
    if (init?.email !== undefined) this.email = init.email;
    if (init?.name !== undefined) this.name = init.name;
    if (init?.isInvited !== undefined) this.isInvited = init.isInvited;
    if (init?.status !== undefined) this.status = init.status;
  }
}
