import { ORG_PREFIX } from '../../data/org';

/** One blueprint transition: moves the process field from one value to another, asking for `fields`. */
export interface TransitionDef {
  id: string;
  name: string;
  from: string;
  to: string;
  /** Fields the transition asks for; [I] every one is required when the transition is applied. */
  fields: string[];
}

/** A blueprint: a module, the picklist field it drives, and its transitions. */
export interface ProcessDef {
  id: string;
  name: string;
  module: string;
  field: string;
  transitions: TransitionDef[];
}

/** Stable ids below the run-time id range, so a restarted emulator reports the same process. */
const id = (seq: number): string => ORG_PREFIX + String(900_000 + seq).padStart(12, '0');

const transition = (
  seq: number,
  name: string,
  from: string,
  to: string,
  fields: string[] = [],
): TransitionDef => ({
  id: id(seq),
  name,
  from,
  to,
  fields,
});

/**
 * The org's blueprints: one sales process over the Deal `Stage` picklist. A deal whose stage has no
 * outgoing transition (Closed Won/Lost, or a stage outside the process) is not in the process.
 */
export const PROCESSES: ProcessDef[] = [
  {
    id: id(1),
    name: 'Deal Process',
    module: 'Deals',
    field: 'Stage',
    transitions: [
      transition(2, 'Qualify', 'Qualification', 'Needs Analysis'),
      transition(3, 'Present Value', 'Needs Analysis', 'Value Proposition', ['Next_Step']),
      transition(4, 'Identify Decision Makers', 'Value Proposition', 'Id. Decision Makers'),
      transition(5, 'Send Quote', 'Id. Decision Makers', 'Proposal/Price Quote', ['Amount']),
      transition(6, 'Negotiate', 'Proposal/Price Quote', 'Negotiation/Review'),
      transition(7, 'Win', 'Negotiation/Review', 'Closed Won', ['Closing_Date']),
      transition(8, 'Lose', 'Negotiation/Review', 'Closed Lost', ['Description']),
    ],
  },
];

/** The process a record of `module` is in, given its field values, and the transitions open to it. */
export function processFor(
  module: string,
  record: Record<string, unknown>,
): { process: ProcessDef; transitions: TransitionDef[] } | undefined {
  const process = PROCESSES.find((p) => p.module === module);
  if (!process) return undefined;
  const transitions = process.transitions.filter((t) => t.from === record[process.field]);
  return transitions.length > 0 ? { process, transitions } : undefined;
}
