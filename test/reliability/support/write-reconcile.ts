/**
 * What the write-fault runs share (test/reliability/write-faults.test.ts and bench/write-faults.ts): the fault
 * mix, retry settings that outlast it, and the reconciliation of a client's per-record outcomes with the
 * emulator's own store.
 */

/** Calls per cycle of the fault mix; seven of them are faulted, one of each kind (10%). */
export const FAULT_PERIOD = 70;

/**
 * Fault rules for the POST calls under `path`: one call in ten, in turn Zoho's 429 with its reset headers, a 500,
 * a JSON 503, an HTML 503 page, a connection dropped before the answer, 1.5 s of latency, and an answer dropped
 * after the write was committed. Every Nth, so a run faults the same calls each time.
 */
export function faultMix(path: string): Array<Record<string, unknown>> {
  const kinds: Array<Record<string, unknown>> = [
    { answer: 'rateLimited', resetMs: 100 },
    {
      status: 500,
      body: { code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' },
    },
    {
      status: 503,
      body: { code: 'INTERNAL_ERROR', details: {}, message: 'Service unavailable', status: 'error' },
    },
    { answer: 'unavailablePage' },
    { drop: true },
    { delayMs: 1500 },
    { dropAnswerAfterCommit: true },
  ];
  const step = FAULT_PERIOD / kinds.length;
  return kinds.map((kind, i) => ({ method: 'POST', path, every: FAULT_PERIOD, offset: i * step, ...kind }));
}

/** Client retry settings for a run where one call in ten fails: more attempts and a budget that lasts. */
export const RELIABLE_RETRY = { maxRetries: 6, baseDelayMs: 5, maxDelayMs: 2_000, budget: 100_000 };

/** One input record, by the values the run wrote. */
export interface WrittenRow {
  lastName: string;
  company: string;
  email?: string;
}

/** A stored Lead as the emulator's admin route returns it. */
export type StoredRow = Record<string, unknown> & {
  id: string;
  Last_Name?: string;
  Company?: string;
  Email?: string;
};

/**
 * What the client said about one input: stored (with the id), failed, or unknown (`listed`: the import copied the
 * row to its unknown-outcome file; a saveMany result counts as listed).
 */
export type Outcome = { kind: 'ok'; id: string } | { kind: 'failed' } | { kind: 'unknown'; listed?: boolean };

/** The reconciliation's figures. */
export interface Reconciliation {
  ok: number;
  failed: number;
  unknown: number;
  /** Unknown inputs the server does have (the lost answer's call had stored them). */
  unknownStored: number;
  /** Not on the server, but reported stored. */
  lost: number;
  /** On the server more than once. */
  duplicated: number;
  /** A result that says otherwise than the server: another id or other values, or "failed" for a stored one. */
  disagreeing: number;
  /** Unknown inputs an import did not copy to its unknown-outcome file. */
  unknownUnlisted: number;
}

/**
 * Compares each input's outcome with the records the server holds, matched by `key` (Email by default, the
 * unique value; `lastName` for rows without one). A stored record must be there exactly once, with the reported
 * id and the written values; a failed one must be absent; an unknown one may be either, if it was reported so.
 */
export function reconcile(
  inputs: readonly WrittenRow[],
  outcomes: readonly Outcome[],
  stored: readonly StoredRow[],
  key: 'email' | 'lastName' = 'email',
): Reconciliation {
  const storedKey = (r: StoredRow) => String((key === 'email' ? r.Email : r.Last_Name) ?? '').toLowerCase();
  const byKey = new Map<string, StoredRow[]>();
  for (const record of stored) {
    const k = storedKey(record);
    byKey.set(k, [...(byKey.get(k) ?? []), record]);
  }
  const figures: Reconciliation = {
    ok: 0,
    failed: 0,
    unknown: 0,
    unknownStored: 0,
    lost: 0,
    duplicated: 0,
    disagreeing: 0,
    unknownUnlisted: 0,
  };
  if (outcomes.length !== inputs.length) figures.lost += Math.abs(inputs.length - outcomes.length);
  inputs.forEach((input, i) => {
    const holders = byKey.get(String(input[key] ?? '').toLowerCase()) ?? [];
    const outcome = outcomes[i];
    if (holders.length > 1) figures.duplicated++;
    if (!outcome) return;
    if (outcome.kind === 'ok') {
      figures.ok++;
      if (holders.length === 0) figures.lost++;
      else if (
        holders[0].id !== outcome.id ||
        holders[0].Last_Name !== input.lastName ||
        holders[0].Company !== input.company
      )
        figures.disagreeing++;
    } else if (outcome.kind === 'failed') {
      figures.failed++;
      if (holders.length > 0) figures.disagreeing++;
    } else {
      figures.unknown++;
      if (holders.length > 0) figures.unknownStored++;
      if (outcome.listed === false) figures.unknownUnlisted++;
    }
  });
  return figures;
}
