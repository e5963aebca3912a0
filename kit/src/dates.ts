import { badInput } from './errors';
import { requireDate } from './validate';

/**
 * Calendar dates as `YYYY-MM-DD` strings, the form every department stores. China keeps one zone (UTC+8, no daylight
 * saving), so "today" for a community office is the UTC+8 calendar day.
 */
const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

/** Today's date in China, `YYYY-MM-DD`. */
export const todayInChina = (now = new Date()): string => new Date(now.getTime() + CHINA_OFFSET).toISOString().slice(0, 10);

/** The first instant of a China calendar day as ISO UTC, for ranges over stored instants. */
export const chinaDayStart = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET).toISOString();

/** The first instant of the China calendar day after `date` (an exclusive range end), as ISO UTC. */
export const chinaNextDayStart = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET + DAY).toISOString();

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Age in whole years on `on`: the birthday counts from its own day (month and day compared, not only years). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same calendar day `years` earlier (29 Feb falls back to 28 Feb), for turning ages into birth-date bounds. */
export function yearsBefore(date: string, years: number): string {
  const y = String(Number(date.slice(0, 4)) - years).padStart(4, '0');
  const candidate = `${y}${date.slice(4)}`;
  return candidate.endsWith('-02-29') && !isLeap(Number(y)) ? `${y}-02-28` : candidate;
}

/** The latest of some optional dates; `null` when none is given. */
export function maxDate(first: string, ...rest: (string | null | undefined)[]): string;
export function maxDate(...dates: (string | null | undefined)[]): string | null;
export function maxDate(...dates: (string | null | undefined)[]): string | null {
  return dates.reduce<string | null>((max, d) => (d != null && (max == null || d > max) ? d : max), null);
}

/** A valid date that is not after today in China. */
export function requirePastDate(value: string, field: string, today = todayInChina()): string {
  requireDate(value, field);
  if (value > today) throw badInput(`${field} must not be in the future`, { field });
  return value;
}
