import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { badInput } from './errors';

/** Ids are 24-hex strings everywhere, so every department can check a foreign key's shape without asking its owner. */
const ID_PATTERN = /^[0-9a-f]{24}$/;

export const newId = (): string => new Types.ObjectId().toHexString();

/** A stable id derived from a natural key: seeding the same thing twice gives the same id. */
export const stableId = (...parts: Array<string | number>): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

/** Accepts only a well-formed id, never an object such as `{ "$ne": null }`. */
export function assertId(value: unknown, field = 'id'): string {
  if (!isId(value)) throw badInput(`${field} must be a 24-character hexadecimal id`, { field });
  return value;
}
