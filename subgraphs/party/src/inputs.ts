import { badInput, requirePeriod } from '@cg/kit';

/** Input checks specific to party work; each throws BAD_USER_INPUT naming the field, before anything is written. */

/** `YYYY-MM` with a real month (points are kept by month). */
export const requireMonth = (value: string, field = 'month'): string => requirePeriod(value, field, ['MONTH']);

/** `YYYY-Qn`, n 1–4 (award nominations are made by quarter). */
export const requireQuarter = (value: string, field = 'quarter'): string => requirePeriod(value, field, ['QUARTER']);

/** A year since the party's founding (1921), as quota and service records are counted by year. */
export function requireYear(value: number, field = 'year'): number {
  if (!Number.isInteger(value) || value < 1921 || value > 2100) throw badInput(`${field} must be a year between 1921 and 2100`, { field });
  return value;
}
