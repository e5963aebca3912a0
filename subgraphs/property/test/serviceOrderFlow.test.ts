import { canTake, pathTo, SERVICE_ORDER_STATUSES, STEPS, type ServiceOrderAction } from '../src/serviceOrderFlow';
import { onSchedule } from '../src/patrols';
import { checkMembers } from '../src/committees';

test('each step is allowed from exactly the statuses the lifecycle names', () => {
  const allowed = Object.fromEntries((Object.keys(STEPS) as ServiceOrderAction[]).map((a) => [a, SERVICE_ORDER_STATUSES.filter((s) => canTake(a, s))]));
  expect(allowed).toEqual({
    dispatch: ['ORDERED'],
    accept: ['DISPATCHED'],
    complete: ['ACCEPTED'],
    rate: ['DONE'],
    cancel: ['ORDERED', 'DISPATCHED', 'ACCEPTED'],
  });
});

test('the path into each status (used for seeded histories)', () => {
  expect(pathTo('RATED')).toEqual(['ORDERED', 'DISPATCHED', 'ACCEPTED', 'DONE', 'RATED']);
  expect(pathTo('CANCELLED', 'DISPATCHED')).toEqual(['ORDERED', 'DISPATCHED', 'CANCELLED']);
  expect(pathTo('ORDERED')).toEqual(['ORDERED']);
});

test('a patrol is on schedule only inside 08:30–09:30', () => {
  expect(onSchedule({ startTime: '08:30', endTime: '09:30' })).toBe(true);
  expect(onSchedule({ startTime: '08:29', endTime: '09:00' })).toBe(false);
  expect(onSchedule({ startTime: '08:45', endTime: '09:31' })).toBe(false);
});

test('committee members: distinct well-formed ids, at most one chair, 1 to 21 seats', () => {
  const id = (n: number) => n.toString(16).padStart(24, '0');
  expect(
    checkMembers([
      { residentId: id(1), role: 'DIRECTOR' },
      { residentId: id(2), role: 'DEPUTY_DIRECTOR' },
    ]),
  ).toEqual([id(1), id(2)]);
  expect(() => checkMembers(Array.from({ length: 22 }, (_, i) => ({ residentId: id(i + 1), role: 'MEMBER' })))).toThrow(/1 to 21/);
  expect(() => checkMembers([{ residentId: 'x', role: 'MEMBER' }])).toThrow(/hexadecimal/);
});
