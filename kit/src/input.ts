import { badInput } from './errors';
import { assertId } from './ids';
import type { Identity } from './identity';
import { requireDate, requireNonBlank } from './validate';

/**
 * Input checks every department shares, each with one meaning. Each throws BAD_USER_INPUT naming the field, before
 * anything is written, so bad input changes nothing.
 */

/** One of `allowed`. GraphQL refuses unknown enum values itself; this guards values reaching a command from code. */
export function requireEnum<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw badInput(`${field} must be one of ${allowed.join(', ')}`, { field });
  return value as T;
}

/** Optional free text, trimmed and bounded. Absent, empty and whitespace-only all mean none (`undefined`). */
export function optionalText(value: string | null | undefined, field: string, maxLength = 2000): string | undefined {
  if (value == null || value.trim() === '') return undefined;
  return requireNonBlank(value, field, maxLength);
}

/** An optional id: absent stays absent, anything given must be a well-formed id. */
export const optionalId = (value: unknown, field: string): string | undefined => (value == null ? undefined : assertId(value, field));

/** An optional date: absent stays absent, anything given must be a real `YYYY-MM-DD`. */
export const optionalDate = (value: string | null | undefined, field: string): string | undefined => (value == null ? undefined : requireDate(value, field));

/** The calendar periods a value may name: a year `YYYY`, a quarter `YYYY-Qn` or a month `YYYY-MM`. */
export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';

const PERIODS: Record<PeriodKind, { pattern: RegExp; form: string }> = {
  YEAR: { pattern: /^\d{4}$/, form: 'a year YYYY' },
  QUARTER: { pattern: /^\d{4}-Q[1-4]$/, form: 'a quarter YYYY-Qn (n 1–4)' },
  MONTH: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, form: 'a month YYYY-MM' },
};

/** The kind of period `value` names, or `null` when it is none of them. */
export const periodKind = (value: string): PeriodKind | null => (Object.keys(PERIODS) as PeriodKind[]).find((kind) => PERIODS[kind].pattern.test(value)) ?? null;

/** A period of one of the `kinds` the caller accepts (e.g. `['MONTH']` for a monthly ledger, `['YEAR', 'QUARTER']` for scoring). */
export function requirePeriod(value: string, field: string, kinds: readonly PeriodKind[]): string {
  const kind = periodKind(value);
  if (kind == null || !kinds.includes(kind)) throw badInput(`${field} must be ${kinds.map((k) => PERIODS[k].form).join(' or ')}`, { field });
  return value;
}

/** Escapes a user's text for use inside a regular expression (a `nameContains` filter matches it literally). */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A sort order for `paginate`. */
export type SortSpec = Record<string, 1 | -1>;

/**
 * The sort order an `orderBy`/`sort` enum value names, `fallback` when none is given. Typing `sorts` by the GraphQL
 * enum (`Record<XOrderBy, SortSpec>`) makes the compiler check every value has an order; a value without one is bad input.
 */
export function pickSort<K extends string>(sorts: Readonly<Record<K, SortSpec>>, value: K | null | undefined, fallback: K): SortSpec {
  const key = value ?? fallback;
  if (!Object.hasOwn(sorts, key)) throw badInput(`sort must be one of ${Object.keys(sorts).join(', ')}`, { field: 'sort' });
  return sorts[key];
}

/** Who made a change, as the gateway established it; `null` for an anonymous caller (recorded as such, never omitted). */
export const actor = (ctx: { identity: Pick<Identity, 'subject'> | null | undefined }): string | null => ctx.identity?.subject ?? null;
