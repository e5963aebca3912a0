import { badInput } from './errors';
import { parseIdNumber, type IdNumberFacts } from './idcard';

/**
 * Input checks shared by every department's mutations. Each throws BAD_USER_INPUT naming the field, before
 * anything is written, so bad input changes nothing.
 */
export function requireIdNumber(value: string, field = 'idNumber', today = new Date()): IdNumberFacts {
  const facts = parseIdNumber(value, today);
  if (!facts) throw badInput(`${field} is not a valid 身份证号 (18 characters, real past birth date, GB 11643 check digit)`, { field });
  return facts;
}

/** Mainland mobile number: 11 digits starting 13–19; spaces, dashes and a +86 prefix are tolerated and removed. */
export function requirePhone(value: string, field = 'phone'): string {
  const phone = value.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  if (!/^1[3-9]\d{9}$/.test(phone)) throw badInput(`${field} is not a mainland mobile number (11 digits, 13–19…)`, { field });
  return phone;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function requireDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw badInput(`${field} must be a date YYYY-MM-DD`, { field });
  return value;
}

/** An instant in ISO 8601 with a zone (`2026-11-23T08:30:00+08:00`), returned as a Date. */
export function requireDateTime(value: string, field: string): Date {
  const date = /T.*(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw badInput(`${field} must be an ISO 8601 date-time with a time zone`, { field });
  return date;
}

/** `from` must not come after `to` (dates or date-times as strings of the same form, or Dates). */
export function requireOrder(from: string | Date, to: string | Date, fields: [string, string]): void {
  if (from > to) throw badInput(`${fields[0]} must not be after ${fields[1]}`, { field: fields[1] });
}

export function requireNonBlank(value: string, field: string, maxLength = 2000): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${field} must not be blank`, { field });
  if (trimmed.length > maxLength) throw badInput(`${field} is longer than ${maxLength} characters`, { field });
  return trimmed;
}

export function requireRange(value: number, field: string, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) throw badInput(`${field} must be between ${min} and ${max}`, { field });
  return value;
}
