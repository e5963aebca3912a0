import type { GraphQLError } from 'graphql';
import { assertId, badInput, requireDate, requireNonBlank } from '@cg/kit';

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

/** GraphQL already refuses unknown enum values; this guards callers inside the department (and the seed). */
export function requireEnum<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw badInput(`${field} must be one of ${allowed.join(', ')}`, { field });
  return value as T;
}

/** A month `YYYY-MM`. */
export function requirePeriod(value: string, field: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw badInput(`${field} must be a month YYYY-MM`, { field });
  return value;
}

export const optionalDate = (value: string | null | undefined, field: string) => (value == null ? undefined : requireDate(value, field));
export const optionalId = (value: unknown, field: string) => (value == null ? undefined : assertId(value, field));
export const optionalText = (value: string | null | undefined, field: string, maxLength = 500) =>
  value == null || value.trim() === '' ? undefined : requireNonBlank(value, field, maxLength);

/** `later` must not come before `earlier` (dates as YYYY-MM-DD); the error names `field`. */
export function requireNotBefore(later: string, earlier: string, field: string, what: string): void {
  if (later < earlier) throw badInput(`${field} must not be before ${what} (${earlier})`, { field });
}

/** A keyword as a literal, case-insensitive regular expression. */
export const containsPattern = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

/** Who made a change, as the gateway established it. */
export const actor = (ctx: { identity: { subject: string } | null }) => ctx.identity?.subject;

/** An error naming the input field it is about (e.g. NOT_FOUND for a referenced id), as the kit's peer check does. */
export function withField(error: GraphQLError, field: string): GraphQLError {
  Object.assign(error.extensions, { field });
  return error;
}
