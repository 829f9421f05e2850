import { ApiErrors } from '../zoho-error';

/**
 * COQL tokens. Keywords are plain `word` tokens (the parser matches them case-insensitively), so a quoted
 * `'External'` can never be mistaken for a keyword.
 */
export type Token =
  | { type: 'word'; text: string; pos: number }
  /** A quoted string; `quote` tells `'...'` from `"..."`; `value` has the doubled quotes collapsed. */
  | { type: 'string'; text: string; value: string; quote: "'" | '"'; pos: number }
  | { type: 'number'; text: string; pos: number }
  | { type: 'symbol'; text: string; pos: number }
  | { type: 'end'; text: ''; pos: number };

const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?![A-Za-z_$])/y;
const SYMBOL = /!=|>=|<=|[=<>(),.;*]/y;
const SPACE = /\s+/y;

/** Splits a COQL query into tokens; an unterminated string or a stray character is a `SYNTAX_ERROR`. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const take = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    const match = re.exec(query);
    return match ? match[0] : undefined;
  };
  while (pos < query.length) {
    const space = take(SPACE);
    if (space) {
      pos += space.length;
      continue;
    }
    const char = query[pos];
    if (char === "'" || char === '"') {
      const token = quoted(query, pos, char);
      tokens.push(token);
      pos += token.text.length;
      continue;
    }
    const number = take(NUMBER);
    const word = number === undefined ? take(WORD) : undefined;
    const symbol = number === undefined && word === undefined ? take(SYMBOL) : undefined;
    const text = number ?? word ?? symbol;
    if (text === undefined) throw ApiErrors.syntaxError({ near: char });
    tokens.push({
      type: number !== undefined ? 'number' : word !== undefined ? 'word' : 'symbol',
      text,
      pos,
    });
    pos += text.length;
  }
  tokens.push({ type: 'end', text: '', pos });
  return tokens;
}

/** A string quoted with `quote`, where a doubled quote stands for one (`'O''Brien'`). */
function quoted(query: string, start: number, quote: "'" | '"'): Token {
  let value = '';
  let pos = start + 1;
  for (;;) {
    const next = query.indexOf(quote, pos);
    if (next < 0) throw ApiErrors.syntaxError({ near: query.slice(start, start + 20) });
    value += query.slice(pos, next);
    if (query[next + 1] !== quote)
      return { type: 'string', text: query.slice(start, next + 1), value, quote, pos: start };
    value += quote;
    pos = next + 2;
  }
}
