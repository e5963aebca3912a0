import { badInput } from './errors';
import { assertId } from './ids';
import { daysBetween } from './dates';
import { requireDate } from './validate';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Connection, type PageArgs } from './connection';

/**
 * Statistics (统计) of a scope over a date range are one federated entity, `ScopeStatistics`, keyed by one `id` that
 * every department can read: civil affairs, party and employment each resolve their own fields from it. The id is
 * `<scope>:<scopeId>:<from>:<to>`, built and checked only here so the departments agree on it.
 */
export const STATISTICS_SCOPES = ['COMMUNITY', 'GRID', 'PARTY_BRANCH'] as const;
export type StatisticsScope = (typeof STATISTICS_SCOPES)[number];

/** The longest range a statistics query may cover, in days (both ends included): a leap year. */
export const MAX_STATISTICS_DAYS = 366;

export interface StatisticsKey {
  scope: StatisticsScope;
  scopeId: string;
  from: string;
  to: string;
}

/** Real dates, `from` not after `to`, at most MAX_STATISTICS_DAYS days: BAD_USER_INPUT naming the field otherwise. */
export function requireStatisticsRange(from: string, to: string): { from: string; to: string } {
  requireDate(from, 'from');
  requireDate(to, 'to');
  if (from > to) throw badInput('from must not be after to', { field: 'from', reason: 'RANGE_REVERSED' });
  if (daysBetween(from, to) + 1 > MAX_STATISTICS_DAYS) throw badInput(`a statistics range covers at most ${MAX_STATISTICS_DAYS} days`, { field: 'to', reason: 'RANGE_TOO_LONG' });
  return { from, to };
}

/** The entity id of a scope's statistics, after checking every part. */
export function statisticsId(scope: StatisticsScope, scopeId: string, from: string, to: string): string {
  if (!STATISTICS_SCOPES.includes(scope)) throw badInput(`scope must be one of ${STATISTICS_SCOPES.join(', ')}`, { field: 'scope' });
  assertId(scopeId, 'id');
  requireStatisticsRange(from, to);
  return [scope, scopeId, from, to].join(':');
}

/** Whether `id` has the shape of a statistics id: an entity reference with another shape is a miss (null), not an error. */
export function isStatisticsId(id: string): boolean {
  try {
    parseStatisticsId(id);
    return true;
  } catch {
    return false;
  }
}

/** The key inside a statistics id; BAD_USER_INPUT for an id no department gave out. */
export function parseStatisticsId(id: string): StatisticsKey {
  const [scope, scopeId, from, to, ...rest] = String(id).split(':');
  if (rest.length || !scope || !scopeId || !from || !to) throw badInput('not a statistics id', { field: 'id' });
  statisticsId(scope as StatisticsScope, scopeId, from, to);
  return { scope: scope as StatisticsScope, scopeId, from, to };
}

/**
 * One page of a ranking computed in memory (a scope's points table): the cursor is the last row's rank, so a page
 * is stable while the ranking is. Same bounds and errors as `paginate`.
 */
export function pageRanking<T>(rows: T[], { first, after }: PageArgs): Connection<T> {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  let start = 0;
  if (after != null) {
    const match = /^rank:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
    if (!match) throw badInput('after is not a cursor this list gave out', { field: 'after' });
    start = Number(match[1]);
  }
  const page = rows.slice(start, start + size);
  const edges = page.map((node, i) => ({ cursor: Buffer.from(`rank:${start + i + 1}`).toString('base64url'), node }));
  return { totalCount: rows.length, edges, pageInfo: { hasNextPage: start + size < rows.length, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Ids per `$in` of a statistics read: the embedded database answers one `$in` of thousands of ids far slower than several of hundreds. */
export const STATISTICS_IN_CHUNK = 500;

/** `read` over `ids` in `$in` chunks of STATISTICS_IN_CHUNK, a few at a time, results joined in order. */
export async function readInChunks<T>(ids: readonly string[], read: (chunk: string[]) => PromiseLike<T[]>, parallel = 4): Promise<T[]> {
  const chunks = Array.from({ length: Math.ceil(ids.length / STATISTICS_IN_CHUNK) }, (_, i) => ids.slice(i * STATISTICS_IN_CHUNK, (i + 1) * STATISTICS_IN_CHUNK));
  const results: T[][] = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < chunks.length; i = next++) results[i] = await read(chunks[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, chunks.length) }, worker));
  return results.flat();
}
