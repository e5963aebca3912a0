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
  const size = pageSize(first);
  const order = sortOrder(sort);
  const pageFilter = after ? { $and: [filter, afterFilter(order, decodeCursor(after, order.length))] } : filter;
  const [totalCount, rows] = await Promise.all([
    countMatching(model, filter),
    model
      .find(pageFilter)
      .sort(Object.fromEntries(order))
      .limit(size + 1)
      .lean() as unknown as Promise<T[]>,
  ]);
  return toPage(rows, order, size, totalCount);
}

/** `first` checked against the maximum page size. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  return size;
}

const sortOrder = (sort: Record<string, 1 | -1>): Array<[string, 1 | -1]> => [...Object.entries(sort).filter(([f]) => f !== '_id'), ['_id', sort._id ?? 1]];

function toPage<T>(rows: T[], order: Array<[string, 1 | -1]>, size: number, totalCount: number): Connection<T> {
  const edges = rows.slice(0, size).map((node) => ({
    cursor: encodeCursor(order.map(([field]) => ((node as Record<string, unknown>)[field] ?? null) as SortValue)),
    node,
  }));
  return { totalCount, edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

const compareValues = (a: unknown, b: unknown): number => (a === b ? 0 : a == null ? -1 : b == null ? 1 : (a as string | number) < (b as string | number) ? -1 : 1);

/**
 * The first page of rows already read in full (every row of one parent, loaded in a batch with other parents'), sorted
 * here as `paginate` sorts in the database, with the same cursors: a later page is `paginate` with `after`.
 */
export function firstPageOf<T extends { _id: string }>(rows: readonly T[], sort: Record<string, 1 | -1>, first: number | null | undefined): Connection<T> {
  const size = pageSize(first);
  const order = sortOrder(sort);
  const field = (row: T, name: string) => (row as Record<string, unknown>)[name];
  const sorted = [...rows].sort((a, b) => {
    for (const [name, direction] of order) {
      const c = compareValues(field(a, name), field(b, name));
      if (c !== 0) return c * direction;
    }
    return 0;
  });
  return toPage(sorted, order, size, rows.length);
}
