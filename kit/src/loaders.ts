import type { AnyModel } from './model';
import DataLoader from 'dataloader';
import { firstPageOf, paginate, pageSize, type Connection, type PageArgs } from './connection';
import { trusted } from './mongo';

export type LeanDoc = { _id: string };

/**
 * One `$in` query per batch of ids; results come back in key order, `null` for an id that has no document.
 * Loaders are created per request, so nothing is cached across callers.
 */
export function byIdLoader<T extends LeanDoc>(model: AnyModel): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    // One `$in` per batch, whatever the backend: MongoDB serves it from the _id index, the embedded FerretDB (patched,
    // scripts/ferretdb/) as one bitmap scan of its GIN index, so the round trips of an answer do not grow with its keys.
    // The whole batch in the first reply: the default first batch of 101 documents would cost a getMore round trip.
    const docs = (await model
      .find({ _id: trusted({ $in: [...ids] }) })
      .batchSize(ids.length + 1)
      .lean()) as unknown as T[];
    const byId = new Map(docs.map((doc) => [String(doc._id), doc]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Related documents per reply: a branch's members or their employment records arrive in one round trip. */
const RELATED_BATCH = 2000;

/** All documents whose `field` (a value or an array of values) is one of `keys`, in one `$in` query, grouped per key. */
async function findGrouped<T extends LeanDoc>(model: AnyModel, field: string, keys: readonly string[], extraFilter: Record<string, unknown>): Promise<T[][]> {
  const docs = (await model
    .find({ ...extraFilter, [field]: trusted({ $in: [...keys] }) })
    .sort({ _id: 1 })
    .batchSize(RELATED_BATCH)
    .lean()) as unknown as T[];
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const doc of docs) {
    for (const value of [(doc as Record<string, unknown>)[field]].flat()) groups.get(String(value))?.push(doc);
  }
  return keys.map((key) => groups.get(key)!);
}

/** One-to-many relation (a household's members, a grid's buildings), one query per batch. */
export function manyByFieldLoader<T extends LeanDoc>(model: AnyModel, field: string, extraFilter: Record<string, unknown> = {}): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>((keys) => findGrouped<T>(model, field, keys, extraFilter));
}

/**
 * A relation that pages (a resident's proxy services, a member's activities): the first pages of every parent of a
 * batch come from one `$in` query over all their rows, sorted and cut here; a later page (`after`) is its own keyset
 * query. For relations of tens of rows per parent (a person's records over the years), where a count and a find per
 * parent would cost more round trips than reading the rows.
 */
export function pagedByFieldLoader<T extends LeanDoc>(
  model: AnyModel,
  field: string,
  sort: Record<string, 1 | -1>,
  extraFilter: Record<string, unknown> = {},
  // The request's loader of the same rows, when another field reads them too (one query for both).
  rows: DataLoader<string, T[]> = manyByFieldLoader<T>(model, field, extraFilter),
) {
  return async (key: string, { first, after }: PageArgs): Promise<Connection<T>> => {
    pageSize(first);
    if (after) return paginate<T>(model, { ...extraFilter, [field]: key }, sort, { first, after });
    return firstPageOf(await rows.load(key), sort, first);
  };
}

/** A relation where each key has at most one document (the branch that covers a grid), `null` for none. */
export function oneByFieldLoader<T extends LeanDoc>(model: AnyModel, field: string, extraFilter: Record<string, unknown> = {}): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => (await findGrouped<T>(model, field, keys, extraFilter)).map((group) => group[0] ?? null));
}
