import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { World } from '../index';

/**
 * The built `small` world as a file, so a test file reads it instead of building it again (faker and every
 * department's seed). Plain JSON loses Dates and properties set to undefined, so both are written as markers and put
 * back after parsing; the objects are made by the reader's own JSON and Date, which matters inside jest's sandbox.
 */
const file = (dir: string) => path.join(dir, 'world-small.json');

interface DateMarker {
  $date: string;
}
interface UndefinedMarker {
  $undefined: true;
}

function encode(world: World): string {
  return JSON.stringify(world, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    if (original instanceof Date) return { $date: original.toISOString() } satisfies DateMarker;
    return value === undefined && key !== '' ? ({ $undefined: true } satisfies UndefinedMarker) : value;
  });
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('$date' in value && typeof (value as DateMarker).$date === 'string') return new Date((value as DateMarker).$date);
  if ('$undefined' in value) return undefined;
  const target = value as Record<string, unknown>;
  for (const key of Object.keys(target)) target[key] = revive(target[key]);
  return target;
}

const decode = (text: string) => revive(JSON.parse(text)) as World;

/** Writes the world when it comes back from the file exactly as it is (else false: a type the file cannot hold). */
export function writeWorldCopy(dir: string, world: World): boolean {
  const text = encode(world);
  if (!isDeepStrictEqual(decode(text), world)) return false;
  writeFileSync(file(dir), text);
  return true;
}

/** A fresh copy of the stored world, undefined when none was written. */
export function readWorldCopy(dir: string): World | undefined {
  try {
    return decode(readFileSync(file(dir), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
