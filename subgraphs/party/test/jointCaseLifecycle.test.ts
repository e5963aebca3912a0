import { GraphQLError } from 'graphql';
import { FINAL, RULES, STATUSES, STEPS, transition, type Status, type Step } from '../src/jointCase/lifecycle';

// The table as the domain states it, written out independently of RULES: step → [from…] → to (null = unchanged).
const WORKING: Status[] = ['DISPATCHED', 'TRANSFERRED', 'ACCEPTED', 'IN_PROGRESS', 'REWORK', 'DEFERRAL_REQUESTED', 'DEFERRED'];
const OPEN: Status[] = STATUSES.filter((s) => s !== 'CLOSED' && s !== 'DUPLICATE');
const EXPECTED: Record<Step, [Status[], Status | null]> = {
  DISPATCH: [['SUBMITTED', 'RETURNED'], 'DISPATCHED'],
  ACCEPT_LEAD: [['DISPATCHED', 'TRANSFERRED'], 'ACCEPTED'],
  ACCEPT_HELPER: [WORKING, null],
  RETURN: [['DISPATCHED', 'TRANSFERRED'], 'RETURNED'],
  TRANSFER: [['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REWORK', 'RETURNED'], 'TRANSFERRED'],
  START: [['ACCEPTED', 'REWORK'], 'IN_PROGRESS'],
  RESOLVE_TASK: [['ACCEPTED', 'IN_PROGRESS', 'REWORK', 'RESOLVED'], null],
  RESOLVE: [['IN_PROGRESS'], 'RESOLVED'],
  VERIFY: [['RESOLVED'], 'VERIFIED'],
  SEND_BACK: [['RESOLVED'], 'REWORK'],
  RATE: [['VERIFIED'], 'RATED'],
  RATE_POOR: [['VERIFIED'], 'REWORK'],
  CLOSE: [['RATED', 'VERIFIED'], 'CLOSED'],
  REQUEST_DEFERRAL: [['ACCEPTED', 'IN_PROGRESS', 'REWORK'], 'DEFERRAL_REQUESTED'],
  APPROVE_DEFERRAL: [['DEFERRAL_REQUESTED'], 'DEFERRED'],
  REJECT_DEFERRAL: [['DEFERRAL_REQUESTED'], 'IN_PROGRESS'],
  RESUME: [['DEFERRED'], 'IN_PROGRESS'],
  MARK_DUPLICATE: [['SUBMITTED', 'DISPATCHED', 'RETURNED'], 'DUPLICATE'],
  WHISTLE: [WORKING, null],
  REPORT: [WORKING, null],
  RATE_REPORT: [OPEN, null],
  INQUIRE: [OPEN, null],
};

test('the table names exactly the steps expected', () => {
  expect([...STEPS].sort()).toEqual(Object.keys(EXPECTED).sort());
});

// Every (step, status) pair: 22 steps × 14 statuses.
const pairs = STEPS.flatMap((step) => STATUSES.map((from) => [step, from] as const));
test.each(pairs)('%s from %s', (step, from) => {
  const [legal, to] = EXPECTED[step];
  if (legal.includes(from)) {
    expect(transition(step, from)).toBe(to ?? from);
  } else {
    let error: unknown;
    try {
      transition(step, from);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ILLEGAL_TRANSITION', step, from });
  }
});

test('closed and duplicate cases admit no step at all', () => {
  for (const final of FINAL) expect(STEPS.filter((s) => (RULES[s].from as readonly Status[]).includes(final))).toEqual([]);
});

test('the happy path 点单→派单→接单→办单→回单→审定→评单→办结 is a chain of legal steps', () => {
  const path: Step[] = ['DISPATCH', 'ACCEPT_LEAD', 'START', 'RESOLVE', 'VERIFY', 'RATE', 'CLOSE'];
  const seen = path.reduce<Status[]>((acc, step) => [...acc, transition(step, acc.at(-1)!)], ['SUBMITTED']);
  expect(seen).toEqual(['SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'RATED', 'CLOSED']);
});
