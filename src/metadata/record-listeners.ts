import { ValidationException } from '../errors/validation-exception';

/**
 * The entity listeners of models (TypeORM's names): methods the ORM calls on a record around its reads and
 * writes. Kept apart from the field metadata: they name methods, not fields.
 * - `beforeInsert` / `beforeUpdate`: before a `save` serialises and validates the record (so what they set
 *   is checked and sent); not for `upsert`, where Zoho decides which it is;
 * - `afterInsert`: once an insert succeeded (the record has its id);
 * - `beforeRemove`: before a record (not a bare id) is deleted; a throw keeps it from being sent;
 * - `afterLoad`: after a record was read (find, iterate, findById, reload, relations, related lists); it
 *   runs synchronously, as the read hands records out one by one.
 */
export type RecordEvent = 'beforeInsert' | 'beforeUpdate' | 'afterInsert' | 'beforeRemove' | 'afterLoad';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- listeners hang off any class
const LISTENERS = new WeakMap<Function, Map<RecordEvent, Set<string | symbol>>>();

/** Registers `method` of `owner` (a class) as a listener of `event`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function addRecordListener(owner: Function, event: RecordEvent, method: string | symbol): void {
  let events = LISTENERS.get(owner);
  if (!events) LISTENERS.set(owner, (events = new Map<RecordEvent, Set<string | symbol>>()));
  let methods = events.get(event);
  if (!methods) events.set(event, (methods = new Set<string | symbol>()));
  methods.add(method);
}

/** The listener methods of `event` on `record`'s class, base classes' first. */
function listenersOf(record: object, event: RecordEvent): Array<string | symbol> {
  const chain: object[] = [];
  for (
    let proto = Object.getPrototypeOf(record) as object | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  )
    chain.unshift(proto);
  const out: Array<string | symbol> = [];
  for (const proto of chain) {
    const methods = LISTENERS.get((proto as { constructor: object }).constructor as never)?.get(event);
    if (methods) for (const m of methods) if (!out.includes(m)) out.push(m);
  }
  return out;
}

function call(record: object, method: string | symbol): unknown {
  const fn = (record as Record<string | symbol, unknown>)[method];
  return typeof fn === 'function' ? (fn as () => unknown).call(record) : undefined;
}

/** Runs the listeners of `event` on `record`, one after another, awaiting each. */
export async function runRecordListeners(record: object, event: RecordEvent): Promise<void> {
  for (const method of listenersOf(record, event)) await call(record, method);
}

/** Runs `afterLoad` listeners, which must not return a promise (reads hand records out synchronously). */
export function runAfterLoad(record: object): void {
  for (const method of listenersOf(record, 'afterLoad')) {
    const result = call(record, method);
    if (result instanceof Promise) {
      result.catch(() => undefined);
      throw new ValidationException({
        statusCode: 0,
        errorCode: 'INVALID_LISTENER',
        errorMessage: `${record.constructor.name}.${String(method)}: an @AfterLoad listener must be synchronous (it returned a promise)`,
        errorDetails: { model: record.constructor.name, method: String(method) },
      });
    }
  }
}
