import { assertId, badInput, requireDate } from '@cg/kit';

/** Input checks specific to party work; each throws BAD_USER_INPUT naming the field, before anything is written. */

/** `YYYY-MM` with a real month. */
export function requireMonth(value: string, field = 'month'): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw badInput(`${field} must be a month YYYY-MM`, { field });
  return value;
}

/** `YYYY-Qn`, n 1–4. */
export function requireQuarter(value: string, field = 'quarter'): string {
  if (!/^\d{4}-Q[1-4]$/.test(value)) throw badInput(`${field} must be a quarter YYYY-Qn (n 1–4)`, { field });
  return value;
}

/** A scoring period: a year `YYYY` or a quarter `YYYY-Qn`. */
export function requirePeriod(value: string, field = 'period'): string {
  if (!/^\d{4}(-Q[1-4])?$/.test(value)) throw badInput(`${field} must be YYYY or YYYY-Qn`, { field });
  return value;
}

export function requireYear(value: number, field = 'year'): number {
  if (!Number.isInteger(value) || value < 1921 || value > 2100) throw badInput(`${field} must be a year between 1921 and 2100`, { field });
  return value;
}

/** Today in China (UTC+8), YYYY-MM-DD. */
export const todayInChina = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A date that is not after today (China time). */
export function requirePastDate(value: string, field: string, today = todayInChina()): string {
  requireDate(value, field);
  if (value > today) throw badInput(`${field} must not be in the future`, { field });
  return value;
}

/** An optional id argument: undefined/null stay absent, anything else must be a well-formed id. */
export const optionalId = (value: unknown, field: string): string | undefined => (value == null ? undefined : assertId(value, field));

/** Sort specs for `paginate`, chosen by an `orderBy` enum value. */
export function orderFor<O extends Record<string, Record<string, 1 | -1>>>(orders: O, value: string | null | undefined, fallback: keyof O) {
  return orders[(value ?? fallback) as keyof O] ?? orders[fallback];
}
