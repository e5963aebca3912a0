import { TODAY } from '../src/seed/dates';
import { ageOn, type SeedDoc, type World } from '@cg/kit';

/** Working-age residents of the demo world outside the first household (the core example's), in a fixed order. */
export function workingAge(world: World, count: number, skip = 0): SeedDoc[] {
  const residents = world['civil-affairs']!.Resident!;
  const first = residents[0]!.householdId;
  return residents.filter((r) => r.householdId !== first && ageOn(r.birthDate as string, TODAY) >= 20 && ageOn(r.birthDate as string, TODAY) < 55).slice(skip, skip + count);
}

let counter = 0;
/** A fresh idempotency key per call. */
export const key = (label: string) => `${label}-${process.pid}-${Date.now()}-${++counter}`;
