import { groupsOf, nextVisitDue, requiredIntervalDays, withEvent, withFlags, withVisit, type CareState } from '../src/care';

// Hand-worked 三必到四必访 schedule.
const base: CareState = { flags: [], flaggedOn: '2026-10-01', lastVisitedOn: null, openEvents: [] };

test('flags map to the four must-visit groups, the shortest interval wins', () => {
  expect(groupsOf(['LOW_INCOME', 'DISABILITY'])).toEqual(['POOR_FAMILY']);
  expect(groupsOf(['DISABILITY', 'LEFT_BEHIND_CHILD'])).toEqual([]);
  expect(requiredIntervalDays(['LOW_INCOME', 'UNABLE_TO_SELF_CARE'])).toBe(14);
  expect(requiredIntervalDays(['DISABILITY'])).toBeNull();
});

test('no group and no event: nothing is due', () => {
  expect(nextVisitDue(withFlags(base, ['DISABILITY'], '2026-10-01'))).toBeNull();
});

test('routine due date counts from the later of the last visit and entering a group', () => {
  const poor = withFlags(base, ['LOW_INCOME'], '2026-10-01');
  expect(nextVisitDue(poor)).toBe('2026-10-31'); // 30 days
  const visited = withVisit(poor, '2026-10-20').state;
  expect(nextVisitDue(visited)).toBe('2026-11-19');
  // Becoming elderly-alone on 10-25 (a new group) restarts the clock at the 7-day interval.
  const alone = withFlags(visited, ['LOW_INCOME', 'ELDERLY_ALONE'], '2026-10-25');
  expect(nextVisitDue(alone)).toBe('2026-11-01');
  // Dropping a flag does not move flaggedOn.
  expect(withFlags(alone, ['ELDERLY_ALONE'], '2026-10-28').flaggedOn).toBe('2026-10-25');
});

test('a must-go event is due within its limit and a later visit answers it; an earlier one does not', () => {
  const poor = withFlags(base, ['LOW_INCOME'], '2026-10-01');
  const grievance = withEvent(poor, { _id: 'e1', event: 'GRIEVANCE', occurredOn: '2026-10-05' });
  expect(nextVisitDue(grievance)).toBe('2026-10-08');
  expect(withEvent(grievance, { _id: 'e1', event: 'GRIEVANCE', occurredOn: '2026-10-05' }).openEvents).toHaveLength(1);
  const early = withVisit(grievance, '2026-10-04');
  expect(early.answered).toEqual([]);
  expect(nextVisitDue(early.state)).toBe('2026-10-08');
  const answered = withVisit(grievance, '2026-10-06');
  expect(answered.answered.map((e) => e.event)).toEqual(['GRIEVANCE']);
  expect(nextVisitDue(answered.state)).toBe('2026-11-05');
  const emergency = withEvent(base, { _id: 'e2', event: 'EMERGENCY', occurredOn: '2026-10-09' });
  expect(nextVisitDue(emergency)).toBe('2026-10-09');
});
