import type { AnyModel } from './model';
import { badInput } from './errors';
import { countMatching, trusted } from './mongo';

/** Relay-style page: `edges { cursor node }`, `pageInfo`, and `totalCount` of everything the filter matches. */
export interface Connection<T> {
  totalCount: number;
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

type SortValue = string | number | boolean | null;

/** A cursor carries the sort key and `_id` of the last row, so pages stay stable while rows are added. */
const encodeCursor = (values: SortValue[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

function decodeCursor(cursor: string, length: number): SortValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    if (Array.isArray(values) && values.length === length && values.every(scalar)) return values;
  } catch {
    // falls through to the typed error
  }
  throw badInput('after is not a cursor this list gave out', { field: 'after' });
}

/**
 * Keyset filter: rows strictly after `values` in the order of `sort` (ties broken by `_id`), as an `$or` of
 * prefixes, which an index on the sort fields serves. Cursor values are checked scalars; only the operators are trusted.
 */
function afterFilter(sort: Array<[string, 1 | -1]>, values: SortValue[]) {
  return {
    $or: sort.map(([field, direction], i) => ({
      ...Object.fromEntries(sort.slice(0, i).map(([f], j) => [f, values[j]])),
      [field]: trusted({ [direction === 1 ? '$gt' : '$lt']: values[i] }),
    })),
  };
}

/**
 * One page of `model` matching `filter` in `sort` order (each field 1 or -1; `_id` is appended as the tie-break).
 * Two commands: a count and one `find` with limit first+1.
 */
export async function paginate<T extends { _id: string }>(
  model: AnyModel,
  filter: Record<string, unknown>,
  sort: Record<string, 1 | -1>,
  { first, after }: PageArgs,
): Promise<Connection<T>> {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  const order: Array<[string, 1 | -1]> = [...Object.entries(sort).filter(([f]) => f !== '_id'), ['_id', sort._id ?? 1]];
  const pageFilter = after ? { $and: [filter, afterFilter(order, decodeCursor(after, order.length))] } : filter;
  const [totalCount, rows] = await Promise.all([
    countMatching(model, filter),
    model
      .find(pageFilter)
      .sort(Object.fromEntries(order))
      .limit(size + 1)
      .lean() as unknown as Promise<T[]>,
  ]);
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({
    cursor: encodeCursor(order.map(([field]) => ((node as Record<string, unknown>)[field] ?? null) as SortValue)),
    node,
  }));
  return { totalCount, edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}
