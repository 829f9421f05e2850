import type { EmulatorContext } from '../../context';
import type { ModuleDef } from '../../state/types';
import { kindOf } from '../query/fields';
import { QueryErrors } from '../query/query-errors';
import { ApiErrors } from '../zoho-error';
import { compileCriteria, RecordPredicate } from './criteria-compile';
import { countConditions, parseCriteria } from './criteria-parser';

/** The search parameters in Zoho's order of precedence when several are given (docs/zoho-v2-notes.md §5.8). */
export const SEARCH_PARAMS = ['criteria', 'email', 'phone', 'word'] as const;

/** Most conditions one criteria may hold. */
const MAX_CRITERIA = 10;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * The predicate of a search request from its `criteria` | `email` | `phone` | `word` parameter.
 * [I] An empty parameter counts as absent.
 */
export function searchPredicate(
  ctx: EmulatorContext,
  module: ModuleDef,
  query: Record<string, unknown>,
): RecordPredicate {
  const param = SEARCH_PARAMS.find((p) => firstString(query[p]) !== undefined);
  if (param === undefined) throw QueryErrors.searchParamMissing(SEARCH_PARAMS);
  const value = firstString(query[param])!;
  switch (param) {
    case 'criteria': {
      const tree = parseCriteria(value);
      if (countConditions(tree) > MAX_CRITERIA) throw QueryErrors.criteriaLimitExceeded(MAX_CRITERIA);
      return compileCriteria(ctx, module, tree);
    }
    case 'email': {
      if (!EMAIL.test(value.trim())) throw ApiErrors.invalidQuery({ param_name: 'email' });
      const wanted = value.trim().toLowerCase();
      return matchAnyField(module, 'email', (text) => text.toLowerCase() === wanted);
    }
    case 'phone': {
      // [I] Phone numbers match exactly once spaces, dashes, dots, brackets and `+` are ignored.
      const wanted = phoneDigits(value);
      if (!/\d/.test(wanted)) throw ApiErrors.invalidQuery({ param_name: 'phone' });
      return matchAnyField(module, 'phone', (text) => phoneDigits(text) === wanted);
    }
    case 'word': {
      const word = value.trim().toLowerCase();
      if (word.length < 2) throw QueryErrors.wordTooShort();
      return matchAnyField(module, undefined, (text) => text.toLowerCase().includes(word));
    }
  }
}

/** A query parameter's value (the first one when repeated), or undefined when absent or empty. */
function firstString(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.length > 0 ? first : undefined;
}

function phoneDigits(text: string): string {
  return text.replace(/[\s\-().+]/g, '').toLowerCase();
}

/** Matches records where any field of `dataType` (any text field when omitted) satisfies `test`. */
function matchAnyField(
  module: ModuleDef,
  dataType: string | undefined,
  test: (text: string) => boolean,
): RecordPredicate {
  const fields = module.fields.filter((f) => (dataType ? f.data_type === dataType : kindOf(f) === 'text'));
  return (record) =>
    fields.some((f) => {
      const value = record[f.api_name];
      return typeof value === 'string' && test(value);
    });
}
