import { ApiErrors } from '../zoho-error';

/**
 * Parser of search `criteria` (docs/zoho-v2-notes.md §5.8):
 * ```
 * criteria  := group
 * group     := term (('and'|'or') term)*        and binds tighter than or
 * term      := '(' condition ')' | '(' group ')'
 * condition := field ':' operator ':' value (',' value)*
 * ```
 * Inside a value `\(`, `\)`, `\,` and `\\` stand for the character itself; any other backslash is
 * literal. An unescaped `,` separates the values of `in` and `between`.
 */

export interface CriteriaCondition {
  type: 'condition';
  field: string;
  operator: string;
  /** The comma-separated values, unescaped; one entry for single-valued operators. */
  values: string[];
}

export interface CriteriaGroup {
  type: 'and' | 'or';
  children: CriteriaNode[];
}

export type CriteriaNode = CriteriaCondition | CriteriaGroup;

const ESCAPABLE = new Set(['(', ')', ',', '\\']);
const CONJUNCTION = /^\s*(and|or)\s*/i;

/** Parses a criteria string; malformed criteria answer 400 `INVALID_QUERY`. */
export function parseCriteria(text: string): CriteriaNode {
  const parser = new CriteriaParser(text);
  return parser.parse();
}

/** Counts the conditions of a criteria tree (Zoho allows at most 10). */
export function countConditions(node: CriteriaNode): number {
  return node.type === 'condition' ? 1 : node.children.reduce((n, c) => n + countConditions(c), 0);
}

class CriteriaParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): CriteriaNode {
    const node = this.group();
    if (this.pos !== this.text.length) this.fail();
    return node;
  }

  private fail(): never {
    throw ApiErrors.invalidQuery({ reason: 'criteria is malformed', position: this.pos });
  }

  private group(): CriteriaNode {
    // Terms joined by `and` form runs; runs are joined by `or`.
    const runs: CriteriaNode[][] = [[this.term()]];
    for (;;) {
      const match = CONJUNCTION.exec(this.text.slice(this.pos));
      if (!match || this.text[this.pos + match[0].length] !== '(') break;
      this.pos += match[0].length;
      if (match[1].toLowerCase() === 'or') runs.push([]);
      runs[runs.length - 1].push(this.term());
    }
    const ands = runs.map((run): CriteriaNode =>
      run.length === 1 ? run[0] : { type: 'and', children: run },
    );
    return ands.length === 1 ? ands[0] : { type: 'or', children: ands };
  }

  private term(): CriteriaNode {
    this.expect('(');
    const node = this.text[this.pos] === '(' ? this.group() : this.condition();
    this.expect(')');
    return node;
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) this.fail();
    this.pos++;
  }

  private condition(): CriteriaCondition {
    const field = this.name();
    this.expect(':');
    const operator = this.name();
    this.expect(':');
    return { type: 'condition', field, operator, values: this.values() };
  }

  /** A field or operator name: everything up to the next `:`, with no bracket or comma in it. */
  private name(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !':(),'.includes(this.text[this.pos])) this.pos++;
    if (this.pos === start) this.fail();
    return this.text.slice(start, this.pos);
  }

  /** Values up to the closing `)`, split on unescaped commas. */
  private values(): string[] {
    const values: string[] = [];
    let current = '';
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined || char === '(') this.fail();
      if (char === ')') break;
      this.pos++;
      if (char === ',') {
        values.push(current);
        current = '';
      } else if (char === '\\' && ESCAPABLE.has(this.text[this.pos])) {
        current += this.text[this.pos++];
      } else {
        current += char;
      }
    }
    values.push(current);
    return values;
  }
}
