import type { ValidationError } from 'class-validator';
import { loadOptional } from '../../config/lazy-dependency';
import type { WriteIssue } from '../mapping/field-codecs';
import type { ModelMapping } from '../mapping/model-mapping';
import { CrmValidationError, FieldProblem } from '../errors/crm-validation-error';
import { declareLineItemConstraints } from '../values/line-item';

/**
 * Runs class-validator over a record and over the rows of its row fields (line items, subforms …), and joins
 * the result with the problems found while serialising it, into one list of bad fields.
 */

const VALIDATOR_OPTIONS = {
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
} as const;

let classValidator: typeof import('class-validator') | undefined;

/** class-validator, loaded when the first record is validated (with the SDK's own value classes' constraints). */
function validator(): typeof import('class-validator') {
  if (classValidator === undefined) {
    classValidator = loadOptional<typeof import('class-validator')>(
      'class-validator',
      'Validating records before a save',
    );
    declareLineItemConstraints(classValidator);
  }
  return classValidator;
}

/** The top-level property of a path (`lines[0].quantity` → `lines`). */
function topProperty(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}

function flatten(
  errors: readonly ValidationError[],
  prefix: string,
  out: Array<{ path: string; constraint: string; message: string }>,
): void {
  for (const error of errors) {
    const path =
      prefix === ''
        ? error.property
        : /^\d+$/.test(error.property)
          ? `${prefix}[${error.property}]`
          : `${prefix}.${error.property}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {}))
      out.push({ path, constraint, message });
    if (error.children?.length) flatten(error.children, path, out);
  }
}

/**
 * Every problem of `record`: class-validator's and `issues` (from serialising it). With `only`, only the
 * problems of those properties count (an update sends, and so checks, only the fields that changed).
 */
export async function recordProblems(
  record: object,
  mapping: ModelMapping,
  issues: readonly WriteIssue[],
  only?: ReadonlySet<string>,
): Promise<FieldProblem[]> {
  const { validate } = validator();
  const found: Array<{ path: string; constraint: string; message: string }> = [];
  flatten(await validate(record, VALIDATOR_OPTIONS), '', found);
  const target = record as Record<string, unknown>;
  for (const field of mapping.fields) {
    if (!mapping.isRows(field) || (only && !only.has(field.propertyName))) continue;
    const rows = target[field.propertyName];
    if (!Array.isArray(rows)) continue;
    for (const [i, row] of rows.entries()) {
      if (typeof row !== 'object' || row === null) continue;
      flatten(await validate(row as object, VALIDATOR_OPTIONS), `${field.propertyName}[${i}]`, found);
    }
  }
  const validated = new Set(found.map((f) => f.path));
  for (const issue of issues) {
    // The ORM's own check of a value class-validator already flagged says the same thing again.
    if (validated.has(issue.property)) continue;
    found.push({ path: issue.property, constraint: 'zcrm', message: issue.message });
  }
  const byPath = new Map<string, FieldProblem>();
  for (const { path, constraint, message } of found) {
    const property = topProperty(path);
    if (only && !only.has(property)) continue;
    let problem = byPath.get(path);
    if (!problem) {
      const apiName = mapping.codec(property)?.field.apiName;
      problem = { property: path, ...(apiName ? { apiName } : {}), messages: [], constraints: [] };
      byPath.set(path, problem);
    }
    if (!problem.messages.includes(message)) problem.messages.push(message);
    if (!problem.constraints.includes(constraint)) problem.constraints.push(constraint);
  }
  return [...byPath.values()];
}

/** The error for a record with problems, or undefined when it has none. */
export function validationError(
  mapping: ModelMapping,
  problems: readonly FieldProblem[],
  index?: number,
): CrmValidationError | undefined {
  return problems.length === 0 ? undefined : new CrmValidationError(mapping.name, problems, index);
}
