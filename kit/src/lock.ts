import type { AnyModel } from './model';
import { randomUUID } from 'node:crypto';
import type { Connection, UpdateQuery } from 'mongoose';
import { ErrorCode, typedError } from './errors';
import { isDuplicateKey } from './idempotency';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` while holding a short lease on `key` (one document in the department's `locks` collection; taking it
 * is an insert, which the unique `_id` makes atomic on MongoDB and FerretDB alike).
 *
 * Why: FerretDB v1 (the test database) runs `findOneAndUpdate`/`updateOne` as read, then write, without isolation:
 * two concurrent conditional updates (`{ balance: { $gte: n } }` + `$inc`) can both pass their filter and one `$inc`
 * can be lost. Every writer of a document that must not race (a balance, a seat count, a state machine) takes the
 * lease for that document first; on MongoDB the conditional update alone would do, and stays as the guard.
 * A lease left by a crashed process expires after `leaseMs`. Waiting longer than `waitMs` answers CONFLICT (busy).
 */
export async function withLock<T>(
  connection: Connection,
  key: string,
  fn: () => Promise<T>,
  { leaseMs = 10_000, waitMs = 15_000 }: { leaseMs?: number; waitMs?: number } = {},
): Promise<T> {
  const locks = connection.collection<{ _id: string; owner: string; expiresAt: Date }>('locks');
  const owner = randomUUID();
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await locks.insertOne({ _id: key, owner, expiresAt: new Date(Date.now() + leaseMs) });
      break;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const held = await locks.findOne({ _id: key });
      if (held && held.expiresAt.getTime() < Date.now()) {
        await locks.deleteOne({ _id: key, owner: held.owner });
        continue;
      }
      if (Date.now() > deadline) throw typedError(ErrorCode.CONFLICT, `${key} is busy; try again`, { reason: 'BUSY' });
      await sleep(1 + Math.random() * Math.min(50, 5 + attempt * 5));
    }
  }
  try {
    return await fn();
  } finally {
    await locks.deleteOne({ _id: key, owner });
  }
}

/**
 * A conditional change of one document (`filter` on the expected state, `_id` added) that holds on FerretDB v1 as
 * well as MongoDB: concurrent callers are serialised by a lease on the document, and the filter still decides.
 * Returns the document after the change, or null when the filter did not match.
 */
export async function updateIf<T>(model: AnyModel, id: string, filter: Record<string, unknown>, update: UpdateQuery<Record<string, unknown>>): Promise<T | null> {
  return withLock(
    model.db,
    `${model.collection.name}:${id}`,
    async () => (await model.findOneAndUpdate({ ...filter, _id: id }, update, { returnDocument: 'after' }).lean()) as T | null,
  );
}
