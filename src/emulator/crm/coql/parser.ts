import { ApiErrors } from '../zoho-error';
import type {
  ColumnRef,
  CoqlComparator,
  CoqlComparison,
  CoqlCondition,
  CoqlOperator,
  Literal,
  OrderTerm,
  SelectQuery,
} from './ast';
import { Token, tokenize } from './tokenizer';

/**
 * Recursive-descent parser of v2 COQL:
 * ```
 * query      := SELECT column (',' column)* FROM name [WHERE condition]
 *               [ORDER BY column [ASC|DESC] (',' ...)*] [LIMIT n [OFFSET m] | LIMIT m ',' n] [';']
 * column     := name ('.' name)*              name := word | quoted string (for reserved words)
 * condition  := primary [(AND|OR) primary]    at most one connective per bracket level:
 * primary    := '(' condition ')' | comparison  `A and B and C` must be written ((A and B) and C)
 * comparison := column (= | != | > | < | >= | <=) literal | column IS [NOT] NULL
 *             | column [NOT] BETWEEN literal AND literal | column [NOT] IN '(' literal (',' literal)* ')'
 *             | column [NOT] LIKE string
 * ```
 * Any deviation is a `SYNTAX_ERROR` whose details name the token it stopped at (`{"near": "..."}`).
 * The pairwise bracketing rule is Zoho's (COQL-Limitations; Kaizen #171).
 */
export function parseCoql(query: string): SelectQuery {
  return new CoqlParser(tokenize(query)).parse();
}

/**
 * Words that cannot name a column or module unless quoted: COQL's keywords plus [I] the SQL reserved
 * words most likely to be field names (Kaizen #171 names `External`).
 */
const RESERVED = new Set(
  (
    'select from where order by asc desc limit offset and or not in like is null between true false ' +
    'all any as case cross delete distinct drop else end exists external full group having inner insert into ' +
    'join left natural on outer right set table then union update using values when with'
  ).split(' '),
);

const COMPARATORS = new Set(['=', '!=', '>', '<', '>=', '<=']);

class CoqlParser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): SelectQuery {
    this.expectKeyword('select');
    const columns = this.list(() => this.column());
    this.expectKeyword('from');
    const module = this.name();
    const where = this.acceptKeyword('where') ? this.condition() : undefined;
    const orderBy: OrderTerm[] = [];
    if (this.acceptKeyword('order')) {
      this.expectKeyword('by');
      orderBy.push(...this.list(() => this.orderTerm()));
    }
    let limit: string | undefined;
    let offset: string | undefined;
    if (this.acceptKeyword('limit')) {
      const first = this.limitValue();
      if (this.acceptSymbol(',')) {
        offset = first;
        limit = this.limitValue();
      } else {
        limit = first;
        if (this.acceptKeyword('offset')) offset = this.limitValue();
      }
    }
    this.acceptSymbol(';');
    if (this.peek().type !== 'end') this.fail();
    return { columns, module, where, orderBy, limit, offset };
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }

  /** At the end of the query the details name the last token read. */
  private fail(token: Token = this.peek()): never {
    const near = token.type === 'end' ? (this.tokens[this.index - 1]?.text ?? '') : token.text;
    throw ApiErrors.syntaxError({ near });
  }

  private isKeyword(word: string, token: Token = this.peek()): boolean {
    return token.type === 'word' && token.text.toLowerCase() === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.index++;
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) this.fail();
  }

  private acceptSymbol(symbol: string): boolean {
    const token = this.peek();
    if (token.type !== 'symbol' || token.text !== symbol) return false;
    this.index++;
    return true;
  }

  private expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) this.fail();
  }

  private list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.acceptSymbol(',')) items.push(item());
    return items;
  }

  /** A column or module name: a non-reserved word, or any quoted string. */
  private name(): string {
    const token = this.next();
    if (token.type === 'string') return token.value;
    if (token.type === 'word' && !RESERVED.has(token.text.toLowerCase())) return token.text;
    return this.fail(token);
  }

  private column(): ColumnRef {
    const parts = [this.name()];
    while (this.acceptSymbol('.')) parts.push(this.name());
    return { parts, text: parts.join('.') };
  }

  private orderTerm(): OrderTerm {
    const column = this.column();
    if (this.acceptKeyword('desc')) return { column, descending: true };
    this.acceptKeyword('asc');
    return { column, descending: false };
  }

  private condition(): CoqlCondition {
    const left = this.primary();
    const junction = this.acceptKeyword('and') ? 'and' : this.acceptKeyword('or') ? 'or' : undefined;
    if (!junction) return left;
    return { type: junction, left, right: this.primary() };
  }

  private primary(): CoqlCondition {
    if (!this.acceptSymbol('(')) return this.comparison();
    const inner = this.condition();
    this.expectSymbol(')');
    return inner;
  }

  private comparison(): CoqlComparison {
    const column = this.column();
    const token = this.next();
    const compare = (operator: CoqlOperator, values: Literal[]): CoqlComparison => ({
      type: 'compare',
      column,
      operator,
      values,
    });
    if (token.type === 'symbol' && COMPARATORS.has(token.text))
      return compare(token.text as CoqlComparator, [this.literal()]);
    if (this.isKeyword('is', token)) {
      const negated = this.acceptKeyword('not');
      this.expectKeyword('null');
      return compare(negated ? 'is not null' : 'is null', []);
    }
    const negated = this.isKeyword('not', token);
    const keyword = negated ? this.next() : token;
    const prefix = negated ? 'not ' : '';
    if (this.isKeyword('between', keyword)) {
      const low = this.literal();
      this.expectKeyword('and');
      return compare(`${prefix}between` as CoqlOperator, [low, this.literal()]);
    }
    if (this.isKeyword('in', keyword)) {
      this.expectSymbol('(');
      const values = this.list(() => this.literal());
      this.expectSymbol(')');
      return compare(`${prefix}in` as CoqlOperator, values);
    }
    if (this.isKeyword('like', keyword)) {
      const pattern = this.next();
      if (pattern.type !== 'string') this.fail(pattern);
      return compare(`${prefix}like` as CoqlOperator, [{ type: 'string', value: pattern.value }]);
    }
    return this.fail(keyword);
  }

  private literal(): Literal {
    const token = this.next();
    if (token.type === 'string') return { type: 'string', value: token.value };
    if (token.type === 'number') return { type: 'number', text: token.text };
    if (this.isKeyword('true', token) || this.isKeyword('false', token)) {
      return { type: 'boolean', value: token.text.toLowerCase() === 'true' };
    }
    return this.fail(token);
  }

  /** `limit`/`offset` take any single token; the planner tells a bad number (`INVALID_QUERY`) from a good one. */
  private limitValue(): string {
    const token = this.next();
    if (token.type === 'number' || token.type === 'word') return token.text;
    return this.fail(token);
  }
}
