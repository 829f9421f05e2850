import { AdjustableClock } from './clock';
import { ID_PATTERN, IdGenerator } from './ids';
import { formatDateTime } from './time';
import { FaultInjector } from './admin/faults';
import { RequestLog } from './admin/request-log';
import { ConcurrencyGate, CreditMeter, Edition, EditionLimits, editionLimits } from './crm/limits';
import { ApiErrors } from './crm/zoho-error';
import type { EmulatorState, ModuleDef, StoredRecord, UserDef } from './state/types';

/** How mixed success/error write batches are answered: 202 (v2-era) or 207 (current docs); docs/zoho-v2-notes.md §3.2. */
export type MixedStatus = 202 | 207;

export interface EmulatorSettings {
  edition: Edition;
  apiVersion: string;
  /** Lifetime of grant codes, seconds (Zoho: 2–3 minutes for the web flow; Self Client lets you pick). */
  grantTokenTtlSeconds: number;
  accessTokenTtlSeconds: number;
  mixedStatus: MixedStatus;
  /** Emit the v2-era `X-RATELIMIT-DAY-*` headers beside the current `X-API-CREDITS-REMAINING`. */
  legacyRateLimitHeaders: boolean;
}

/** Everything a route handler needs: the state, the clock, ids, limits and test hooks. */
export class EmulatorContext {
  readonly log = new RequestLog();
  readonly faults = new FaultInjector();
  readonly credits: CreditMeter;
  readonly gate: ConcurrencyGate;
  ids: IdGenerator;
  /** Where the server listens, once it does (`api_domain` of token responses). */
  baseUrl = '';

  constructor(
    public state: EmulatorState,
    readonly clock: AdjustableClock,
    readonly settings: EmulatorSettings,
    readonly client: { clientId: string; clientSecret: string },
    private readonly initialState: () => EmulatorState,
    private readonly populate: (ctx: EmulatorContext) => void,
  ) {
    const limits = this.defaultLimits();
    this.credits = new CreditMeter(limits.creditsPerDay);
    this.gate = new ConcurrencyGate(limits);
    this.ids = new IdGenerator(state.org.id.slice(0, 7), state.idCursor);
  }

  now(): number {
    return this.clock.now();
  }

  /** The current time as Zoho prints it, in the org's offset. */
  timestamp(epochMs = this.now()): string {
    return formatDateTime(epochMs, this.state.org.offset_minutes);
  }

  newId(): string {
    const id = this.ids.nextId();
    this.state.idCursor = this.ids.cursor;
    return id;
  }

  /** The budgets of the configured edition. */
  defaultLimits(): EditionLimits {
    return editionLimits(this.settings.edition, this.state.users.length);
  }

  /** Replaces the credit and concurrency budgets (credits already used in the window stay counted). */
  applyLimits(limits: EditionLimits): void {
    this.credits.limit = limits.creditsPerDay;
    this.gate.limits = { ...limits };
  }

  /**
   * Restores the seeded state; OAuth clients and tokens survive so running tests keep their sessions.
   * Budgets changed through `PUT /__emulator/limits` go back to the edition's, like faults and the log.
   */
  reset(): void {
    const oauth = this.state.oauth;
    this.state = this.initialState();
    this.state.oauth = oauth;
    this.ids = new IdGenerator(this.state.org.id.slice(0, 7), this.state.idCursor);
    this.populate(this);
    this.applyLimits(this.defaultLimits());
    this.credits.reset();
    this.faults.clear();
    this.log.clear();
  }

  /** Module metadata by API name (case-insensitive, as Zoho resolves it), or `INVALID_MODULE`. */
  module(apiName: string): ModuleDef {
    const found = this.findModule(apiName);
    if (!found) throw ApiErrors.invalidModule();
    return found;
  }

  findModule(apiName: string): ModuleDef | undefined {
    const lower = apiName.toLowerCase();
    return this.state.modules.find((m) => m.api_name.toLowerCase() === lower);
  }

  /** The stored records of a module (created lazily). */
  recordsOf(module: string): Record<string, StoredRecord> {
    return (this.state.records[module] ??= {});
  }

  /** A stored record by id; `undefined` when the id is not a well-formed record id or names no record. */
  recordById(module: string, id: unknown): StoredRecord | undefined {
    return typeof id === 'string' && ID_PATTERN.test(id) ? this.state.records[module]?.[id] : undefined;
  }

  userByEmail(email: string): UserDef | undefined {
    const lower = email.toLowerCase();
    return this.state.users.find((u) => u.email.toLowerCase() === lower);
  }

  userById(id: string): UserDef | undefined {
    return this.state.users.find((u) => u.id === id);
  }

  adminUser(): UserDef {
    return this.state.users[0];
  }

  /** `{name, id, email}` as owner and created/modified-by fields render a user. */
  userRef(user: UserDef): { name: string; id: string; email: string } {
    return { name: `${user.first_name} ${user.last_name}`.trim(), id: user.id, email: user.email };
  }
}
