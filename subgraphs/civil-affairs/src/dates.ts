import { badInput, requireDate } from '@cg/kit';

const DAY = 86_400_000;

/** Today's date in China (UTC+8, no daylight saving), YYYY-MM-DD: what "today" means to a community office. */
export const todayInChina = (now = new Date()): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** A valid date that is not after today (in China). */
export function requirePastDate(value: string, field: string, today = todayInChina()): string {
  requireDate(value, field);
  if (value > today) throw badInput(`${field} must not be in the future`, { field });
  return value;
}

/** Age in whole years on `on` for a birth date, both YYYY-MM-DD. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The same calendar day `years` earlier (29 Feb falls back to 28 Feb), for turning ages into birth-date bounds. */
export function yearsBefore(date: string, years: number): string {
  const y = String(Number(date.slice(0, 4)) - years).padStart(4, '0');
  const candidate = `${y}${date.slice(4)}`;
  return candidate.endsWith('-02-29') && !isLeap(Number(y)) ? `${y}-02-28` : candidate;
}
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
