import type { EmulatorContext } from '../../context';
import type { FieldDef } from '../../state/types';
import { isPlainObject } from '../body';
import { displayName } from './render';
import { ItemErrors } from '../item-errors';
import { itemError } from '../zoho-error';
import { fail } from './item-failure';

/** Most participants an event may have (docs/zoho-v2-notes.md §5.18). */
export const MAX_PARTICIPANTS = 50;

export interface StoredParticipant {
  participant: string;
  type: 'contact' | 'lead' | 'user' | 'email';
  name: string | null;
  Email: string | null;
  invited: boolean;
  status: string;
}

const RECORD_TYPES: Record<string, string> = { contact: 'Contacts', lead: 'Leads' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Events `Participants`: `type` and `participant` are required; contacts, leads and users must exist, and
 * their name and email are filled in from the record. `invited` and `status` default to `false` and
 * `"not_known"`.
 */
export function normaliseParticipants(
  ctx: EmulatorContext,
  def: FieldDef,
  value: unknown,
): StoredParticipant[] {
  if (!Array.isArray(value)) fail(ItemErrors.invalidType(def.api_name, 'jsonarray'));
  if (value.length > MAX_PARTICIPANTS)
    fail(
      itemError('LIMIT_EXCEEDED', `Only ${MAX_PARTICIPANTS} participants can be added to an event.`, {
        api_name: 'Participants',
        limit: MAX_PARTICIPANTS,
      }),
    );
  return value.map((entry) => {
    if (!isPlainObject(entry)) fail(ItemErrors.invalidType(def.api_name, 'jsonarray'));
    if (entry.type === undefined || entry.type === null) fail(ItemErrors.mandatory('type'));
    if (entry.participant === undefined || entry.participant === null)
      fail(ItemErrors.mandatory('participant'));
    const type = String(entry.type).toLowerCase();
    const common = {
      invited: invited(entry.invited),
      status: typeof entry.status === 'string' && entry.status !== 'None' ? entry.status : 'not_known',
    };
    if (type === 'email') return { ...emailParticipant(entry), ...common };
    if (type === 'user') return { ...userParticipant(ctx, entry.participant), ...common };
    const moduleName = RECORD_TYPES[type];
    if (!moduleName) fail(ItemErrors.invalid('type'));
    return {
      ...recordParticipant(ctx, moduleName, type as 'contact' | 'lead', entry.participant),
      ...common,
    };
  });
}

/**
 * [I] The address comes from `participant`, or from `Email` when `participant` is not one: the Python SDK
 * sends `"participant": "None"` with the address in `Email` for email invitees.
 */
function emailParticipant(entry: Record<string, unknown>): Omit<StoredParticipant, 'invited' | 'status'> {
  const candidates = [entry.participant, entry.Email].filter((v): v is string => typeof v === 'string');
  const email = candidates.find((v) => EMAIL.test(v));
  if (!email) fail(ItemErrors.invalidType('participant', 'email'));
  const name = typeof entry.name === 'string' && entry.name !== 'None' ? entry.name : null;
  return { participant: email, type: 'email', name, Email: email };
}

function userParticipant(
  ctx: EmulatorContext,
  value: unknown,
): Omit<StoredParticipant, 'invited' | 'status'> {
  const user = typeof value === 'string' ? ctx.userById(value) : undefined;
  if (!user) fail(ItemErrors.invalid('participant'));
  return { participant: user.id, type: 'user', name: ctx.userRef(user).name, Email: user.email };
}

function recordParticipant(
  ctx: EmulatorContext,
  moduleName: string,
  type: 'contact' | 'lead',
  value: unknown,
): Omit<StoredParticipant, 'invited' | 'status'> {
  const record = ctx.recordById(moduleName, value);
  if (!record) fail(ItemErrors.invalid('participant'));
  const email = typeof record.Email === 'string' ? record.Email : null;
  return { participant: record.id, type, name: displayName(ctx.module(moduleName), record), Email: email };
}

/** Booleans, or the strings the Python SDK's `str()` produces. */
function invited(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}
