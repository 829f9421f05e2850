import type { FieldMetadata, ModelClass } from '../metadata/field-metadata';
import { getMetadataStorage } from '../metadata/metadata-storage';
import type { ModelMetadata } from '../metadata/model-metadata';
import {
  ComparisonNode,
  ComparisonOperator,
  ConditionNode,
  FieldRef,
  freezeNode,
  LikePattern,
  Literal,
  OrderNode,
  QueryNode,
} from './ast';
import { isTextKind, valueKindOf, ValueKind } from './field-kinds';
import type { FindManyOptions, FindOptionsWhere } from './find-options';
import { FindOperator } from './operators/find-operator';
import { QueryErrors } from './query-errors';
import { Rounding, toLiteral } from './values';

/**
 * A `where` made of parts that must all hold (`and`) or may any hold (`or`); what the query builder's
 * `andWhere`/`orWhere` produce. Plain `find` options need only objects (AND) and arrays (OR).
 */
export class WhereGroup {
  constructor(
    readonly junction: 'and' | 'or',
    readonly parts: readonly WhereInput[],
  ) {
    Object.freeze(this);
  }
}

/** Anything a query's condition can be written as. */
export type WhereInput = FindOptionsWhere<any> | readonly FindOptionsWhere<any>[] | WhereGroup;

/** Options of {@link buildQuery}: `find` options, whose `where` may also be a {@link WhereGroup}. */
export type BuildOptions<T> = Omit<FindManyOptions<T>, 'where'> & {
  where?: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[] | WhereGroup;
};

/** The operators each kind of field allows (Zoho's COQL rules; search allows a subset, see the search compiler). */
const EQUALITY: readonly ComparisonOperator[] = ['eq', 'ne', 'in', 'notIn', 'isNull', 'isNotNull'];
const TEXTUAL: readonly ComparisonOperator[] = [...EQUALITY, 'like', 'notLike'];
const ORDERED: readonly ComparisonOperator[] = [...EQUALITY, 'gt', 'ge', 'lt', 'le', 'between', 'notBetween'];
const ALLOWED: Record<ValueKind, readonly ComparisonOperator[]> = {
  text: TEXTUAL,
  textarea: TEXTUAL,
  picklist: TEXTUAL,
  multiselect: TEXTUAL,
  number: ORDERED,
  bigint: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  // A checkbox is never empty in Zoho: unchecked reads as false.
  boolean: ['eq', 'ne'],
  lookup: EQUALITY,
  user: EQUALITY,
  unsupported: [],
};

/** Operator names as the user wrote them, for messages. */
const OPERATOR_NAMES: Record<ComparisonOperator, string> = {
  eq: 'Equal',
  ne: 'Not(Equal)',
  gt: 'MoreThan',
  ge: 'MoreThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
  between: 'Between',
  notBetween: 'Not(Between)',
  in: 'In',
  notIn: 'Not(In)',
  like: 'Like',
  notLike: 'Not(Like)',
  isNull: 'IsNull',
  isNotNull: 'Not(IsNull)',
};

/** `Not(...)` of each ordering comparison. */
const NEGATED: Partial<Record<ComparisonOperator, ComparisonOperator>> = {
  gt: 'le',
  ge: 'lt',
  lt: 'ge',
  le: 'gt',
};

/** How to round a `Date` with milliseconds so the comparison over whole seconds means the same. */
const ROUNDING: Partial<Record<ComparisonOperator, Rounding>> = {
  gt: 'floor',
  ge: 'ceil',
  lt: 'ceil',
  le: 'floor',
};

/**
 * Turns `find` options over a model into a {@link QueryNode}: properties become API names through the
 * model's metadata, values are typed for their fields, and everything Zoho could not run in any form is
 * refused here with a {@link QueryCompileException} that names the property.
 */
export function buildQuery<T>(model: ModelClass<T>, options: FindManyOptions<T> = {}): QueryNode {
  return buildQueryNode(model, options);
}

/** {@link buildQuery} for conditions that are also {@link WhereGroup}s (the query builder's `andWhere`/`orWhere`). */
export function buildQueryNode<T>(model: ModelClass<T>, options: BuildOptions<T> = {}): QueryNode {
  const meta = getMetadataStorage().getModel(model);
  return new QueryBuilderContext(meta).build(options as BuildOptions<unknown>);
}

/** The queryable fields of a model, as the AST names them (the id left out: it always comes back). */
export function modelFieldRefs(meta: ModelMetadata): FieldRef[] {
  return meta.fields.filter((f) => f.apiName !== 'id' && valueKindOf(f) !== 'unsupported').map(refOf);
}

function refOf(field: FieldMetadata): FieldRef {
  return {
    property: field.propertyName,
    apiName: field.apiName,
    kind: valueKindOf(field),
    dataType: field.dataType,
  };
}

class QueryBuilderContext {
  constructor(private readonly meta: ModelMetadata) {}

  build(options: BuildOptions<unknown>): QueryNode {
    const node: QueryNode = {
      module: this.meta.moduleApiName,
      modelName: this.meta.name,
      where: options.where === undefined ? undefined : this.condition(options.where, 'where'),
      order: this.order(options.order as Record<string, unknown> | undefined),
      select: options.select === undefined ? undefined : this.select(options.select as readonly string[]),
      modelFields: modelFieldRefs(this.meta),
      skip: count(options.skip, 'skip', 0) ?? 0,
      take: count(options.take, 'take', 1),
    };
    return freezeNode(node);
  }

  /** A field by property, checked to be one queries can use. */
  private field(property: string, clause: string): FieldRef {
    const field = this.meta.field(property);
    if (!field) throw QueryErrors.unknownField(this.meta.name, property, clause);
    const ref = refOf(field);
    if (ref.kind === 'unsupported') {
      throw QueryErrors.notQueryable(this.meta.name, property, field.apiName, field.dataType, clause);
    }
    return ref;
  }

  /** A condition, or undefined when it matches every record (`{}`). */
  private condition(input: WhereInput, clause: string): ConditionNode | undefined {
    if (input instanceof WhereGroup) return this.junction(input.junction, input.parts, clause);
    if (Array.isArray(input)) {
      if (input.length === 0) {
        throw QueryErrors.badOption(
          clause,
          'an empty array matches no record; leave it out to match every record',
        );
      }
      return this.junction('or', input, clause);
    }
    if (input === null || typeof input !== 'object') {
      throw QueryErrors.badOption(
        clause,
        'must be an object of conditions, or an array of them (any may hold)',
      );
    }
    const comparisons = Object.entries(input).map(([property, value]) => this.comparison(property, value));
    return combine('and', comparisons);
  }

  private junction(
    type: 'and' | 'or',
    parts: readonly WhereInput[],
    clause: string,
  ): ConditionNode | undefined {
    const children: ConditionNode[] = [];
    for (const [i, part] of parts.entries()) {
      const child = this.condition(part, `${clause}[${i}]`);
      // A part that matches everything makes an OR match everything, and drops out of an AND.
      if (child === undefined) {
        if (type === 'or') return undefined;
        continue;
      }
      children.push(child);
    }
    return combine(type, children);
  }

  private comparison(property: string, value: unknown): ComparisonNode {
    const field = this.field(property, 'where');
    if (value === undefined) {
      throw QueryErrors.badValue(
        this.meta.name,
        property,
        'is undefined; leave the key out to not filter on it, or use IsNull() to find empty fields',
      );
    }
    if (FindOperator.isFindOperator(value)) return this.operator(field, value, false);
    return this.equality(field, value, false);
  }

  private equality(field: FieldRef, value: unknown, negated: boolean): ComparisonNode {
    if (value === null) return this.node(field, negated ? 'isNotNull' : 'isNull', []);
    if (Array.isArray(value) && field.kind !== 'multiselect') {
      throw QueryErrors.badValue(
        this.meta.name,
        field.property,
        'an array is not a value of this field; use In([...]) to match any of several values',
      );
    }
    return this.node(field, negated ? 'ne' : 'eq', [this.literal(field, value)]);
  }

  private operator(field: FieldRef, op: FindOperator<unknown>, negated: boolean): ComparisonNode {
    const value = op.value;
    switch (op.type) {
      case 'not':
        if (FindOperator.isFindOperator(value)) return this.operator(field, value, !negated);
        return this.equality(field, value, !negated);
      case 'equal':
        return this.equality(field, value, negated);
      case 'isNull':
        return this.node(field, negated ? 'isNotNull' : 'isNull', []);
      case 'in': {
        if (!Array.isArray(value) || value.length === 0) {
          throw QueryErrors.badValue(
            this.meta.name,
            field.property,
            'In() needs a non-empty array of values (In([]) would match nothing)',
          );
        }
        return this.node(
          field,
          negated ? 'notIn' : 'in',
          value.map((v) => this.literal(field, v)),
        );
      }
      case 'between': {
        const [low, high] = Array.isArray(value) ? value : [];
        return this.node(field, negated ? 'notBetween' : 'between', [
          this.literal(field, low, 'ceil'),
          this.literal(field, high, 'floor'),
        ]);
      }
      case 'like': {
        const pattern = this.pattern(field, value);
        return this.node(
          field,
          negated ? 'notLike' : 'like',
          [{ type: 'string', text: pattern.text }],
          pattern,
        );
      }
      case 'moreThan':
      case 'moreThanOrEqual':
      case 'lessThan':
      case 'lessThanOrEqual': {
        const base: ComparisonOperator =
          op.type === 'moreThan'
            ? 'gt'
            : op.type === 'moreThanOrEqual'
              ? 'ge'
              : op.type === 'lessThan'
                ? 'lt'
                : 'le';
        const operator = negated ? NEGATED[base]! : base;
        return this.node(field, operator, [this.literal(field, value, ROUNDING[operator])]);
      }
    }
  }

  private node(
    field: FieldRef,
    operator: ComparisonOperator,
    values: Literal[],
    pattern?: LikePattern,
  ): ComparisonNode {
    if (!ALLOWED[field.kind].includes(operator)) {
      throw QueryErrors.operatorNotAllowed(
        this.meta.name,
        field.property,
        OPERATOR_NAMES[operator],
        field.dataType,
        this.inferredApiName(field),
      );
    }
    return pattern
      ? { type: 'comparison', field, operator, values, pattern }
      : { type: 'comparison', field, operator, values };
  }

  /** The API name of a field whose data type was inferred rather than declared (for error hints). */
  private inferredApiName(field: FieldRef): string | undefined {
    return this.meta.field(field.property)?.inferred ? field.apiName : undefined;
  }

  private literal(field: FieldRef, value: unknown, rounding?: Rounding): Literal {
    if (value === null || value === undefined) {
      throw QueryErrors.badValue(
        this.meta.name,
        field.property,
        `${String(value)} cannot be compared; use IsNull() for empty fields`,
      );
    }
    const result = toLiteral(field.kind, value, rounding);
    if (!result.ok) throw QueryErrors.badValue(this.meta.name, field.property, result.problem);
    return result.literal;
  }

  /** `x%` (starts with), `%x` (ends with), `%x%` (contains) or `x` (equals, ignoring case). */
  private pattern(field: FieldRef, value: unknown): LikePattern {
    if (!isTextKind(field.kind)) {
      throw QueryErrors.operatorNotAllowed(
        this.meta.name,
        field.property,
        'Like',
        field.dataType,
        this.inferredApiName(field),
      );
    }
    if (typeof value !== 'string')
      throw QueryErrors.badValue(this.meta.name, field.property, 'Like() needs a string pattern');
    const leading = value.startsWith('%');
    const trailing = value.length > (leading ? 1 : 0) && value.endsWith('%');
    const text = value.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if (text.length === 0 || text.includes('%')) {
      throw QueryErrors.badValue(
        this.meta.name,
        field.property,
        `Like(${JSON.stringify(value)}): Zoho supports only 'x%' (starts with), '%x' (ends with) and '%x%' (contains), with some text x that holds no %`,
      );
    }
    const anchor = leading && trailing ? 'contains' : leading ? 'suffix' : trailing ? 'prefix' : 'exact';
    return { text, anchor };
  }

  private order(order: Record<string, unknown> | undefined): OrderNode[] {
    if (order === undefined) return [];
    if (order === null || typeof order !== 'object')
      throw QueryErrors.badOption('order', 'must be an object { property: "ASC" | "DESC" }');
    return Object.entries(order).map(([property, direction]) => {
      const field = this.field(property, 'order');
      const lower = typeof direction === 'string' ? direction.toLowerCase() : undefined;
      if (lower !== 'asc' && lower !== 'desc') {
        throw QueryErrors.badOption(
          `order.${property}`,
          `must be "ASC" or "DESC", got ${JSON.stringify(direction)}`,
        );
      }
      return { field, direction: lower };
    });
  }

  private select(select: readonly string[]): FieldRef[] {
    if (!Array.isArray(select) || select.length === 0) {
      throw QueryErrors.badOption(
        'select',
        'must be a non-empty array of properties (leave it out to read every field)',
      );
    }
    const refs: FieldRef[] = [];
    for (const property of select) {
      const ref = this.field(property, 'select');
      if (!refs.some((r) => r.apiName === ref.apiName)) refs.push(ref);
    }
    return refs;
  }
}

/** An AND/OR over children, flattened (`(A and B) and C` is one AND of three); one child stands alone. */
function combine(type: 'and' | 'or', children: ConditionNode[]): ConditionNode | undefined {
  const flat = children.flatMap((c) => (c.type === type ? c.children : [c]));
  if (flat.length === 0) return undefined;
  if (flat.length === 1) return flat[0];
  return { type, children: flat };
}

/** `take`/`skip`: undefined, or an integer at least `min`. */
function count(value: unknown, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw QueryErrors.badOption(option, `must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}
