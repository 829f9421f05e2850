import type { FindOperator } from './operators/find-operator';

/** Values a field compares as one scalar. */
type Scalar = string | number | boolean | bigint | Date;

/** The data properties of `T` (methods and symbol keys left out). */
export type PropertyKeys<T> = {
  [K in keyof T]-?: K extends string
    ? NonNullable<T[K]> extends (...args: any[]) => any
      ? never
      : K
    : never;
}[keyof T];

/** True for a property type queries can filter on: scalars, multi-select lists, lookups (`{ id }`). */
type IsQueryable<V> = [V] extends [never]
  ? false
  : [V] extends [Scalar]
    ? true
    : [V] extends [readonly string[]]
      ? true
      : [V] extends [{ id: string }]
        ? true
        : false;

/**
 * The properties of `T` a query can filter, sort or select on. Line items, subforms, tags and other
 * structured fields are left out: Zoho cannot filter on them.
 */
export type QueryableKeys<T> = {
  [K in PropertyKeys<T>]-?: IsQueryable<NonNullable<T[K]>> extends true ? K : never;
}[PropertyKeys<T>];

/**
 * What a `where` entry of a property of type `V` accepts: the value itself (or `null`, meaning "is
 * empty") or an operator over it. Date-times also take ISO-8601 strings; lookups take the record id (or
 * anything with an `id`); multi-select fields one option or the exact list.
 */
export type WhereValue<V> = [V] extends [Date]
  ? Date | string | null | FindOperator<Date | string>
  : [V] extends [Scalar]
    ? V | null | FindOperator<V>
    : [V] extends [readonly string[]]
      ? string | readonly string[] | null | FindOperator<string | readonly string[]>
      : [V] extends [{ id: string }]
        ? string | { id: string } | null | FindOperator<string>
        : never;

/** A `where` object: every entry must hold (AND). Property names are checked against the model. */
export type FindOptionsWhere<T> = {
  [K in QueryableKeys<T>]?: WhereValue<NonNullable<T[K]>>;
};

/** Sort direction (either case, as TypeORM users write it). */
export type OrderDirection = 'ASC' | 'DESC' | 'asc' | 'desc';

/** `order`: property → direction, applied in the order the keys are written. */
export type FindOptionsOrder<T> = {
  [K in QueryableKeys<T>]?: OrderDirection;
};

/** `select`: the properties to read (the id always comes back). */
export type FindOptionsSelect<T> = readonly QueryableKeys<T>[];

/** Options of a query for one record. */
export interface FindOneOptions<T> {
  /** An object (every entry must hold) or an array of objects (any of them may hold). */
  where?: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[];
  order?: FindOptionsOrder<T>;
  select?: FindOptionsSelect<T>;
}

/** Options of a query for many records. */
export interface FindManyOptions<T> extends FindOneOptions<T> {
  /** How many records at most (all matching records when omitted). */
  take?: number;
  /** How many matching records to skip first. */
  skip?: number;
}
