import { TODAY } from '../src/seed/dates';
import { ageOn, type SeedDoc, type World } from '@cg/kit';
import type { Stack } from '../../../tests/support/stack';

/** Every employment collection's document count, plus every fund's balance: "changes nothing" compares these. */
export async function snapshot(stack: Stack) {
  const models = stack.departments.employment!.models as Record<string, any>;
  const counts = Object.fromEntries(await Promise.all(Object.entries(models).map(async ([name, model]) => [name, await model.countDocuments()])));
  const funds = await models.WelfareFund.find().sort({ _id: 1 }).lean();
  const courses = await models.TrainingCourse.find().sort({ _id: 1 }).lean();
  const postings = await models.JobPosting.find().sort({ _id: 1 }).lean();
  return { counts, funds, courses, postings };
}

/** The single error of a response, asserting there is no data for the field. */
export function errorOf(response: { data?: any; errors?: any[] }) {
  expect(response.errors).toHaveLength(1);
  return response.errors![0]!.extensions as { code: string; field?: string };
}

/** Working-age residents of the demo world outside the first household (the core example's), in a fixed order. */
export function workingAge(world: World, count: number, skip = 0): SeedDoc[] {
  const residents = world['civil-affairs']!.Resident!;
  const first = residents[0]!.householdId;
  return residents.filter((r) => r.householdId !== first && ageOn(r.birthDate as string, TODAY) >= 20 && ageOn(r.birthDate as string, TODAY) < 55).slice(skip, skip + count);
}

let counter = 0;
/** A fresh idempotency key per call. */
export const key = (label: string) => `${label}-${process.pid}-${Date.now()}-${++counter}`;
