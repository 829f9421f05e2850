import {
  Between,
  Equal,
  In,
  IsNull,
  LessThan,
  LessThanOrEqual,
  Like,
  MoreThan,
  MoreThanOrEqual,
  Not,
} from '../query/operators';
import type { RuntimeModel } from '../codegen/runtime-model';
import { CliUsageError } from './cli-errors';

type Where = Record<string, unknown>;

/** The operators `--where` understands, MongoDB style (as jsforce's `find()`). */
export const WHERE_OPERATORS = [
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$like',
  '$between',
  '$null',
] as const;

/**
 * `--where` JSON → the ORM's `where`, keyed by API names:
 * - `{"Lead_Source": "Web", "Annual_Revenue": {"$gt": 1000}}`: every entry must hold (AND);
 * - `[{…}, {…}]`: any object may hold (OR);
 * - operators `$eq $ne $gt $gte $lt $lte $in $nin $like $between $null` (`{"$like": "Acme%"}`,
 *   `{"$between": [1, 10]}`, `{"$null": true}`); a bare `null` means "is empty".
 * Field names are checked against the module, so a typo fails before any request.
 */
export function parseWhere(text: string, model: RuntimeModel): Where | Where[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliUsageError(`--where is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (Array.isArray(json)) {
    if (json.length === 0) throw new CliUsageError('--where: an OR list needs at least one object');
    return json.map((entry, i) => group(entry, model, `--where[${i}]`));
  }
  return group(json, model, '--where');
}

function group(value: unknown, model: RuntimeModel, at: string): Where {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliUsageError(`${at} must be an object of field API names (or a list of them for OR)`);
  }
  const where: Where = {};
  for (const [apiName, condition] of Object.entries(value)) {
    const field = model.byApiName.get(apiName);
    if (!field) {
      throw new CliUsageError(`${at}: ${model.module} has no field "${apiName}"${suggest(apiName, model)}`);
    }
    if (!field.queryable)
      throw new CliUsageError(`${at}: ${apiName} cannot be filtered on (Zoho does not search it)`);
    where[field.property] = operator(condition, `${at}.${apiName}`);
  }
  return where;
}

function operator(condition: unknown, at: string): unknown {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return condition;
  const entries = Object.entries(condition);
  if (entries.length !== 1 || !entries[0][0].startsWith('$')) {
    throw new CliUsageError(
      `${at} must be a value or one operator object such as {"$gt": 5} (${WHERE_OPERATORS.join(' ')})`,
    );
  }
  const [op, arg] = entries[0] as [string, unknown];
  const list = (): unknown[] => {
    if (!Array.isArray(arg) || arg.length === 0)
      throw new CliUsageError(`${at}: ${op} takes a non-empty list`);
    return arg;
  };
  switch (op) {
    case '$eq':
      return Equal(arg);
    case '$ne':
      return Not(arg);
    case '$gt':
      return MoreThan(arg);
    case '$gte':
      return MoreThanOrEqual(arg);
    case '$lt':
      return LessThan(arg);
    case '$lte':
      return LessThanOrEqual(arg);
    case '$in':
      return In(list());
    case '$nin':
      return Not(In(list()));
    case '$like':
      if (typeof arg !== 'string')
        throw new CliUsageError(`${at}: $like takes a pattern string such as "Acme%"`);
      return Like(arg);
    case '$between': {
      const pair = list();
      if (pair.length !== 2) throw new CliUsageError(`${at}: $between takes [from, to]`);
      return Between(pair[0], pair[1]);
    }
    case '$null':
      if (typeof arg !== 'boolean') throw new CliUsageError(`${at}: $null takes true or false`);
      return arg ? IsNull() : Not(IsNull());
    default:
      throw new CliUsageError(`${at}: unknown operator ${op} (use ${WHERE_OPERATORS.join(' ')})`);
  }
}

function suggest(apiName: string, model: RuntimeModel): string {
  const lower = apiName.toLowerCase();
  const near = [...model.byApiName.keys()].find((name) => name.toLowerCase() === lower);
  return near ? ` (did you mean "${near}"?)` : '';
}
