/**
 * Runs `fn` after every earlier call with the same key has settled (per process).
 *
 * Why: FerretDB v1 (the test and embedded database) applies `update`/`findAndModify` as read-then-replace, so two
 * concurrent conditional updates of ONE document can both match (seen: two `{ status: 'DISPATCHED' }` accepts both
 * won). MongoDB makes each single-document update atomic and keeps guarding across processes; this queue only
 * gives a department's own writes to one document the same order on FerretDB. Keep the conditional filter anyway.
 */
const tails = new Map<string, Promise<unknown>>();

export async function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
