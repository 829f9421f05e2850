/**
 * One write at a time per record instance: a `save()` started while another save of the same instance is in
 * flight waits for it, so two concurrent saves of a new record insert it once and then update it (instead of
 * inserting two records). Kept in a non-enumerable symbol-keyed property, like the record state.
 */
const WRITING = Symbol('zcrm.record-writing');

type WithWrite = { [WRITING]?: Promise<unknown> };

/**
 * Runs `write` once every write already queued on any of `records` has settled (whatever its outcome), and
 * queues it on each of them until it settles.
 */
export async function queueWrite<R>(records: readonly object[], write: () => Promise<R>): Promise<R> {
  const earlier = new Set<Promise<unknown>>();
  for (const record of records) {
    const pending = (record as WithWrite)[WRITING];
    if (pending) earlier.add(pending);
  }
  const run = (async () => {
    if (earlier.size > 0) await Promise.allSettled(earlier);
    return write();
  })();
  for (const record of records)
    Object.defineProperty(record, WRITING, {
      value: run,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  try {
    return await run;
  } finally {
    for (const record of records)
      if ((record as WithWrite)[WRITING] === run) delete (record as WithWrite)[WRITING];
  }
}
