import type { Identity } from '@cg/kit';
import { authorizeStep } from '../src/jointCase/authorize';
import type { CaseTask } from '../src/models/JointCase';

const task = (unitId: string, department: string, role: 'LEAD' | 'HELPER', status: CaseTask['status'] = 'PENDING') => ({ unitId, department, role, status }) as CaseTask;
const kase = { reporterId: 'r1', communityId: 'c1', gridId: 'g1', tasks: [task('u1', 'property:1', 'LEAD'), task('u2', 'law-enforcement', 'HELPER')] };
const who = (role: string, department = 'party', subject = 's1', scope = { communityIds: [] as string[], gridIds: [] as string[] }): Identity => ({
  subject,
  department,
  role,
  scope,
});
const code = (f: () => void) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as { extensions: { code: string } }).extensions.code;
  }
};

test('an anonymous caller takes no step', () => {
  for (const step of ['SUBMIT', 'DISPATCH', 'RATE'] as const) expect(code(() => authorizeStep(step, null, kase))).toBe('UNAUTHENTICATED');
});

test('community roles dispatch and verify within their scope only', () => {
  expect(code(() => authorizeStep('DISPATCH', who('GRID_WORKER'), kase))).toBe('OK');
  expect(code(() => authorizeStep('VERIFY', who('PARTY_SECRETARY', 'party', 's', { communityIds: ['c1'], gridIds: [] }), kase))).toBe('OK');
  expect(code(() => authorizeStep('DISPATCH', who('GRID_WORKER', 'party', 's', { communityIds: [], gridIds: ['g2'] }), kase))).toBe('FORBIDDEN');
  expect(code(() => authorizeStep('DISPATCH', who('PROPERTY_STAFF', 'property:1'), kase))).toBe('FORBIDDEN');
});

test('only the party secretary approves deferrals and inquires', () => {
  expect(code(() => authorizeStep('APPROVE_DEFERRAL', who('GRID_WORKER'), kase))).toBe('FORBIDDEN');
  expect(code(() => authorizeStep('APPROVE_DEFERRAL', who('PARTY_SECRETARY'), kase))).toBe('OK');
  expect(code(() => authorizeStep('INQUIRE', who('PARTY_SECRETARY'), kase))).toBe('OK');
});

test('a unit accepts only its own task; only the lead starts or returns', () => {
  expect(code(() => authorizeStep('ACCEPT_HELPER', who('CLERK', 'law-enforcement'), kase, 'law-enforcement'))).toBe('OK');
  expect(code(() => authorizeStep('ACCEPT_HELPER', who('CLERK', 'law-enforcement'), kase, 'property:1'))).toBe('FORBIDDEN');
  expect(code(() => authorizeStep('START', who('PROPERTY_STAFF', 'property:1'), kase))).toBe('OK');
  expect(code(() => authorizeStep('START', who('CLERK', 'law-enforcement'), kase))).toBe('FORBIDDEN');
  expect(code(() => authorizeStep('RETURN', who('GRID_WORKER'), kase))).toBe('FORBIDDEN');
});

test('only the reporter rates', () => {
  expect(code(() => authorizeStep('RATE', who('RESIDENT', 'civil-affairs', 'r1'), kase))).toBe('OK');
  expect(code(() => authorizeStep('RATE_POOR', who('RESIDENT', 'civil-affairs', 'r2'), kase))).toBe('FORBIDDEN');
  expect(code(() => authorizeStep('RATE', who('PARTY_SECRETARY'), kase))).toBe('FORBIDDEN');
});
