import { badInput, escapeRegex } from '@cg/kit';

/** Input checks of this department on top of the kit's; each throws BAD_USER_INPUT naming the field. */

/** Largest single amount booked (1,000,000 yuan in fen): keeps totals exact as doubles and catches typos. */
export const MAX_AMOUNT_FEN = 100_000_000;

export function requireFen(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > MAX_AMOUNT_FEN) {
    throw badInput(`${field} must be a whole number of fen (分) between 1 and ${MAX_AMOUNT_FEN}`, { field });
  }
  return value;
}

export function requireInt(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${field} must be a whole number between ${min} and ${max}`, { field });
  }
  return value;
}

/** `later` must not come before `earlier` (dates as YYYY-MM-DD); the error names `field`. */
export function requireNotBefore(later: string, earlier: string, field: string, what: string): void {
  if (later < earlier) throw badInput(`${field} must not be before ${what} (${earlier})`, { field });
}

/** A keyword as a literal, case-insensitive regular expression. */
export const containsPattern = (text: string) => new RegExp(escapeRegex(text), 'i');
