import type { FastifyInstance, FastifyRequest } from 'fastify';
import { convertTargetField } from '../metadata/lead-convert-mapping';
import type { EmulatorContext } from '../../context';
import { ID_PATTERN } from '../../ids';
import type { ModuleDef, StoredRecord, UserDef } from '../../state/types';
import { isPlainObject, readItems, readJson } from '../body';
import { moduleScope } from '../module-scopes';
import { crmRoute } from '../route';
import { ApiErrors, asRequestError, ZohoApiError } from '../zoho-error';
import { findByValue } from './duplicates';
import { idOf } from './field-values';
import { ItemFailure } from './item-failure';
import { commitInsert, prepareInsert } from './write';

/** Value types not carried over: lookups point at lead-side records, and Zoho sets owners itself. */
const NOT_CARRIED = new Set(['lookup', 'ownerlookup', 'userlookup', 'lineitem', 'multiselectlookup']);

interface ConvertOptions {
  Accounts?: string;
  Contacts?: string;
  assign_to?: string;
  Deals?: Record<string, unknown>;
}

/** `POST /Leads/{id}/actions/convert` (docs/zoho-v2-notes.md §5.11): 5 credits, a heavy API. */
export function registerConvertLeadRoute(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'POST',
    url: '/:module/:id/actions/convert',
    scopes: ({ params }) => moduleScope(ctx, params.module, 'CREATE'),
    cost: 5,
    heavy: true,
    handler: ({ params, request, user }) => {
      const module = ctx.module(params.module);
      // [I] Only Leads convert; other modules answer as for an unsupported API.
      if (!module.convertable) throw ApiErrors.unsupportedModule();
      if (!ID_PATTERN.test(params.id)) throw ApiErrors.invalidId();
      const lead = ctx.recordsOf(module.api_name)[params.id];
      if (!lead) throw ApiErrors.invalidId(params.id);
      if (lead.$converted === true)
        throw new ZohoApiError(400, 'ID_ALREADY_CONVERTED', 'id already converted', { id: lead.id });
      // [I] Message for converting a lead still waiting for approval.
      if (lead.$approved === false)
        throw new ZohoApiError(400, 'NOT_APPROVED', 'record not approved', { id: lead.id });
      return { data: [convertLead(ctx, lead, readOptions(ctx, request), user)] };
    },
  });
}

/** The single `data` item (`{}` without a body: the Python SDK may send none) with its references checked. */
function readOptions(ctx: EmulatorContext, request: FastifyRequest): ConvertOptions {
  if (readJson(request) === undefined) return {};
  const item = readItems(request, 'data', 1).items[0];
  if (!isPlainObject(item))
    throw ApiErrors.invalidData({ api_name: 'data', expected_data_type: 'jsonobject' });
  const existing = (key: 'Accounts' | 'Contacts'): string | undefined => {
    if (item[key] === undefined || item[key] === null) return undefined;
    const id = idOf(item[key]);
    if (id === undefined || !ctx.recordById(key, id)) throw ApiErrors.invalidData({ api_name: key });
    return id;
  };
  let assignTo: string | undefined;
  if (item.assign_to !== undefined && item.assign_to !== null) {
    const id = idOf(item.assign_to);
    const owner = id === undefined ? undefined : ctx.userById(id);
    if (!owner || owner.status !== 'active') throw ApiErrors.invalidData({ api_name: 'assign_to' });
    assignTo = owner.id;
  }
  if (item.Deals !== undefined && item.Deals !== null && !isPlainObject(item.Deals)) {
    throw ApiErrors.invalidData({ api_name: 'Deals', expected_data_type: 'jsonobject' });
  }
  return {
    Accounts: existing('Accounts'),
    Contacts: existing('Contacts'),
    assign_to: assignTo,
    Deals: item.Deals ?? undefined,
  };
}

/**
 * Converts a lead: uses the given account and contact or creates them from the lead ([I] an account with
 * the lead's company name is reused, as its name is unique), optionally creates a deal linked to both, then
 * marks the lead converted and moves its notes to the contact. Everything is validated before anything is
 * stored, so a failure (e.g. a deal without `Stage`) leaves the org unchanged.
 */
function convertLead(
  ctx: EmulatorContext,
  lead: StoredRecord,
  options: ConvertOptions,
  user: UserDef,
): Record<string, string | null> {
  const owner = { id: options.assign_to ?? idOf(lead.Owner) ?? user.id };
  const accounts = ctx.module('Accounts');
  const contacts = ctx.module('Contacts');
  const deals = ctx.module('Deals');
  const accountId = options.Accounts ?? findByValue(ctx, accounts, 'Account_Name', lead.Company)?.id;
  const newAccount =
    accountId === undefined && typeof lead.Company === 'string' && lead.Company.length > 0
      ? prepare(ctx, accounts, { ...carryOver(ctx, lead, accounts), Owner: owner }, user)
      : undefined;
  const newContact = options.Contacts
    ? undefined
    : prepare(ctx, contacts, { ...carryOver(ctx, lead, contacts), Owner: owner }, user);
  const newDeal = options.Deals
    ? prepare(ctx, deals, { ...carryOver(ctx, lead, deals), Owner: owner, ...options.Deals }, user)
    : undefined;

  const account = accountId ?? (newAccount ? commitInsert(ctx, accounts, newAccount, user).id : undefined);
  const accountRef = account ? { Account_Name: { id: account } } : {};
  const contact = options.Contacts ?? commitInsert(ctx, contacts, { ...newContact, ...accountRef }, user).id;
  const deal = newDeal
    ? commitInsert(ctx, deals, { ...newDeal, ...accountRef, Contact_Name: { id: contact } }, user).id
    : null;

  const converted = { Contacts: contact, Deals: deal, Accounts: account ?? null };
  Object.assign(lead, {
    $converted: true,
    $converted_detail: converted,
    Modified_By: { id: user.id },
    Modified_Time: ctx.timestamp(),
  });
  moveNotes(ctx, lead.id, contact);
  return converted;
}

/** Validates a record to create, turning its item error into the request's error. */
function prepare(
  ctx: EmulatorContext,
  module: ModuleDef,
  input: Record<string, unknown>,
  user: UserDef,
): Record<string, unknown> {
  try {
    return prepareInsert(ctx, module, input, user);
  } catch (err) {
    if (!(err instanceof ItemFailure)) throw err;
    throw asRequestError(err.result);
  }
}

/** The lead's values for the target module, through the same conversion mapping the Leads layout reports. */
function carryOver(ctx: EmulatorContext, lead: StoredRecord, target: ModuleDef): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of ctx.module('Leads').fields) {
    if (NOT_CARRIED.has(def.data_type) || def.api_name === 'Tag') continue;
    const to = convertTargetField(def, target);
    const value = lead[def.api_name];
    if (to !== null && value !== undefined && value !== null) out[to] = value;
  }
  return out;
}

/** [I] As in Zoho, the lead's notes follow it to the new contact. */
function moveNotes(ctx: EmulatorContext, leadId: string, contactId: string): void {
  for (const note of Object.values(ctx.state.records.Notes ?? {})) {
    if (idOf(note.Parent_Id) === leadId)
      Object.assign(note, { Parent_Id: { id: contactId }, $se_module: 'Contacts' });
  }
}
