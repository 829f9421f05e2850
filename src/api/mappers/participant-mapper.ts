import { ZCRMEventParticipant } from '../entities/zcrm-event-participant';
import { ValidationException } from '../../errors/validation-exception';
import { bool, idString, isJsonObject, Json, str } from './json-utils';

/** Events `Participants` ↔ {@link ZCRMEventParticipant}. */

/**
 * Parses `{participant, type, name, Email, invited, status}`. `id` is `participant` (a record or user id, or
 * the address for `type: "email"`); `email` is `Email`, or the address itself for e-mail invitees.
 */
export function parseParticipant(json: Json): ZCRMEventParticipant {
  const type = str(json.type) ?? undefined;
  const participant = idString(json.participant) ?? str(json.participant) ?? undefined;
  const p = new ZCRMEventParticipant(type, participant);
  const email = str(json.Email);
  if (email !== undefined) p.email = email;
  else if (type === 'email' && participant) p.email = participant;
  if (json.name !== undefined) p.name = str(json.name);
  if (json.invited !== undefined) p.isInvited = bool(json.invited);
  if (json.status !== undefined) p.status = str(json.status);
  return p;
}

export function parseParticipants(json: unknown): ZCRMEventParticipant[] {
  return Array.isArray(json) ? json.filter(isJsonObject).map(parseParticipant) : [];
}

/**
 * A participant as a write sends it: `type` and `participant` (required; for e-mail invitees the address),
 * then only the attributes that are set. Never the string "None" (a seed defect).
 */
export function participantToJson(p: ZCRMEventParticipant, index: number): Json {
  const where = `Participants[${index}]`;
  if (!p.type)
    throw ValidationException.invalidInput(
      `${where}.type`,
      'a participant needs its type (contact, lead, user or email)',
    );
  const participant = p.type === 'email' ? (p.email ?? p.id) : p.id;
  if (!participant) {
    throw ValidationException.invalidInput(
      `${where}.participant`,
      p.type === 'email'
        ? 'an email participant needs its address'
        : 'a participant needs the id of the contact, lead or user',
    );
  }
  const out: Json = { participant, type: p.type };
  if (p.name !== undefined && p.name !== null) out.name = p.name;
  if (p.email !== undefined && p.email !== null) out.Email = p.email;
  if (p.isInvited !== undefined && p.isInvited !== null) out.invited = p.isInvited;
  if (p.status !== undefined && p.status !== null) out.status = p.status;
  return out;
}
