import type { ModelClass } from '../metadata/field-metadata';
import type { QueryNode } from './ast';
import { buildQueryNode, WhereGroup, WhereInput } from './build-query';
import type { CompiledQuery, CompileOptions } from './compilers/compiled-query';
import type { FindOptionsWhere, OrderDirection, QueryableKeys } from './find-options';
import { planQuery } from './planner';
import { QueryErrors } from './query-errors';

/** Runs a built query and returns the records; supplied by the ORM (or a repository) that owns the client. */
export type QueryExecutor<R> = (node: QueryNode) => Promise<R[]>;

/** A builder's state; never mutated (every call returns a new builder over a new frozen copy). */
interface BuilderProps {
  readonly where?: WhereInput;
  readonly order: ReadonlyArray<readonly [string, OrderDirection]>;
  readonly select?: readonly string[];
  readonly take?: number;
  readonly skip?: number;
}

/**
 * An immutable query over a model, Kysely style: each method returns a new builder, `compile()` shows
 * what will be sent, and `await builder` runs it (when the builder was made with an executor, as
 * `Model.createQueryBuilder()` does).
 * ```ts
 * const q = Invoice.createQueryBuilder()
 *   .where({ status: In(['Created', 'Approved']) })
 *   .andWhere({ grandTotal: MoreThan(1000) })
 *   .orderBy('createdTime', 'DESC')
 *   .take(50);
 * q.compile().text;   // select … from Invoices where (Status in ('Created', 'Approved') and Grand_Total > 1000) …
 * const invoices = await q;
 * ```
 */
export class SelectQueryBuilder<T, R = T> implements PromiseLike<R[]> {
  private readonly props: BuilderProps;

  constructor(
    readonly model: ModelClass<T>,
    private readonly executor?: QueryExecutor<R>,
    props: BuilderProps = { order: [] },
  ) {
    this.props = Object.freeze({ ...props, order: Object.freeze([...props.order]) });
    Object.freeze(this);
  }

  private with(changes: Partial<BuilderProps>): SelectQueryBuilder<T, R> {
    return new SelectQueryBuilder(this.model, this.executor, { ...this.props, ...changes });
  }

  /** Replaces the condition: an object (all entries hold) or an array of objects (any holds). */
  where(where: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[]): SelectQueryBuilder<T, R> {
    return this.with({ where });
  }

  /** Adds a condition that must hold too. */
  andWhere(where: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[]): SelectQueryBuilder<T, R> {
    return this.with({
      where: this.props.where === undefined ? where : new WhereGroup('and', [this.props.where, where]),
    });
  }

  /** Adds a condition that may hold instead. */
  orWhere(where: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[]): SelectQueryBuilder<T, R> {
    return this.with({
      where: this.props.where === undefined ? where : new WhereGroup('or', [this.props.where, where]),
    });
  }

  /** Replaces the sort order with one field. */
  orderBy(property: QueryableKeys<T>, direction: OrderDirection = 'ASC'): SelectQueryBuilder<T, R> {
    return this.with({ order: [[property, direction]] });
  }

  /** Adds a sort field after the others. */
  addOrderBy(property: QueryableKeys<T>, direction: OrderDirection = 'ASC'): SelectQueryBuilder<T, R> {
    return this.with({ order: [...this.props.order.filter(([p]) => p !== property), [property, direction]] });
  }

  /** The fields to read (every field when never called). */
  select(properties: readonly QueryableKeys<T>[]): SelectQueryBuilder<T, R> {
    return this.with({ select: [...properties] });
  }

  /** At most `n` records. */
  take(n: number): SelectQueryBuilder<T, R> {
    return this.with({ take: n });
  }

  /** Skips the first `n` matching records. */
  skip(n: number): SelectQueryBuilder<T, R> {
    return this.with({ skip: n });
  }

  /** The query's AST (checked against the model). */
  getNode(): QueryNode {
    const p = this.props;
    return buildQueryNode(this.model, {
      where: p.where as never,
      order: p.order.length > 0 ? (Object.fromEntries(p.order) as never) : undefined,
      select: p.select as never,
      take: p.take,
      skip: p.skip,
    });
  }

  /** What will be sent first: backend, request and the COQL/criteria text. */
  compile(options?: CompileOptions): CompiledQuery {
    return planQuery(this.getNode(), options);
  }

  /** Runs the query (awaiting the builder does this). */
  execute(): Promise<R[]> {
    if (!this.executor) {
      return Promise.reject(
        QueryErrors.badOption(
          'execute',
          'this builder has no executor: make it with Model.createQueryBuilder() or a repository',
        ),
      );
    }
    try {
      return this.executor(this.getNode());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  then<A = R[], B = never>(
    onfulfilled?: ((value: R[]) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.execute().then(onfulfilled, onrejected);
  }
}
