import { badInput, requireDate } from '@cg/kit';

/** Beijing time (UTC+8, no daylight saving): a calendar day's first instant as ISO UTC, for ranges over stored instants. */
export const beijingDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
export const beijingNextDayStart = (date: string) => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
/** Today's date in Beijing, YYYY-MM-DD. */
export const beijingToday = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Optional date argument: checked when given. */
export const optionalDate = (value: string | null | undefined, field: string) => (value == null ? undefined : requireDate(value, field));

/** `HH:MM` on a 24-hour clock. */
export function requireClockTime(value: string, field: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw badInput(`${field} must be a time HH:MM`, { field });
  return value;
}

/** Optional free text: trimmed, blank becomes undefined, bounded. */
export function optionalText(value: string | null | undefined, field: string, maxLength = 2000): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > maxLength) throw badInput(`${field} is longer than ${maxLength} characters`, { field });
  return trimmed;
}

/** Escapes a user's text for use inside a regular expression (a `nameContains` filter). */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
