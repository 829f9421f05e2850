import type { ModelClass } from '../../metadata/field-metadata';

/** What a {@link Ref} needs to load its record: set by the ORM when it reads or makes the reference. */
export interface RefLoader {
  load(model: ModelClass | undefined, module: string | undefined, id: string): Promise<unknown>;
}

/**
 * A lookup to another record (`{name, id}` on the wire): the id, the display name Zoho sends with it, and
 * `load()` to read the whole record on demand (no implicit N+1: nothing is read until you ask).
 * ```ts
 * @Lookup('Account_Name', () => Account) account?: Ref<Account>;
 * invoice.account = Account.ref(accountId);
 * const account = await invoice.account.load();
 * ```
 * A lookup may also be given as a bare id string or any `{ id }` object; the ORM reads it as a `Ref`.
 */
export class Ref<T extends object = object> {
  /** The record id (a digit string). */
  readonly id: string;
  /** The display name Zoho sends with the lookup (absent in COQL results and in refs you make). */
  name?: string;
  readonly #model?: ModelClass<T>;
  readonly #module?: string;
  readonly #loader?: RefLoader;

  constructor(
    id: string,
    options: { name?: string; model?: ModelClass<T>; module?: string; loader?: RefLoader } = {},
  ) {
    this.id = id;
    if (options.name !== undefined) this.name = options.name;
    this.#model = options.model;
    this.#module = options.module;
    this.#loader = options.loader;
  }

  /** The model of the referenced record, when the lookup declares one. */
  get model(): ModelClass<T> | undefined {
    return this.#model;
  }

  /** Reads the referenced record (through the client that read this reference, else the default client). */
  async load(): Promise<T> {
    const loader = this.#loader ?? (await import('../repository')).defaultRefLoader;
    return (await loader.load(this.#model, this.#module, this.id)) as T;
  }

  /** `{ id, name }`: what `JSON.stringify` shows. */
  toJSON(): { id: string; name?: string } {
    return this.name === undefined ? { id: this.id } : { id: this.id, name: this.name };
  }
}
