import { canMove, statesBefore } from '../src/applicationRules';

test('the lifecycle moves forward one stage at a time and final states stay final', () => {
  expect(canMove('APPLIED', 'INTERVIEWED')).toBe(true);
  expect(canMove('INTERVIEWED', 'OFFERED')).toBe(true);
  expect(canMove('OFFERED', 'PLACED')).toBe(true);
  expect(canMove('APPLIED', 'PLACED')).toBe(false);
  expect(canMove('APPLIED', 'OFFERED')).toBe(false);
  expect(canMove('OFFERED', 'INTERVIEWED')).toBe(false);
  for (const final of ['PLACED', 'REJECTED', 'WITHDRAWN'] as const) {
    for (const to of ['APPLIED', 'INTERVIEWED', 'OFFERED', 'PLACED', 'REJECTED', 'WITHDRAWN'] as const) expect(canMove(final, to)).toBe(false);
  }
});

test('the states a move may start from', () => {
  expect(statesBefore('PLACED')).toEqual(['OFFERED']);
  expect(statesBefore('WITHDRAWN')).toEqual(['APPLIED', 'INTERVIEWED', 'OFFERED']);
  expect(statesBefore('APPLIED')).toEqual([]);
});
