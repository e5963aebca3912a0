import { buildWorld, seedWorld, dropDatabases } from '@cg/kit/testing';
import { STATUSES, transition, type Status, type Step } from '../src/jointCase/lifecycle';
import type { CaseEvent, JointCaseDoc } from '../src/models/JointCase';
import { ESCALATION_STEPS } from '../src/escalation/caseEvents';

// The demo cases: every status present, each history a chain of legal steps, and seeding twice changes nothing.
afterAll(() => dropDatabases());

test('every status is seeded, histories are legal chains and versions count the events', async () => {
  const cases = (await buildWorld('small')).party!.JointCase! as unknown as JointCaseDoc[];
  expect(new Set(cases.map((c) => c.status))).toEqual(new Set(STATUSES));
  for (const c of cases) {
    const [first, ...rest]: CaseEvent[] = c.history;
    expect(first!.to).toBe('SUBMITTED');
    let status: Status = 'SUBMITTED';
    for (const e of rest) {
      expect(e.from).toBe(status);
      // Escalation reports back to the case (上报, 现场办公会, 办结) without moving it.
      if ((ESCALATION_STEPS as readonly string[]).includes(e.step)) {
        expect(e.to).toBe(status);
        continue;
      }
      status = transition(e.step as Step, e.from!);
      expect(e.to).toBe(status);
    }
    expect([c._id, status, c.version]).toEqual([c._id, c.status, c.history.length]);
  }
});

test('seeding twice inserts and changes nothing the second time', async () => {
  await seedWorld(process.env.MONGODB_URI!, 'small', process.env.MONGODB_DB_PREFIX);
  const again = await seedWorld(process.env.MONGODB_URI!, 'small', process.env.MONGODB_DB_PREFIX);
  const party = again.filter((c) => c.department === 'party');
  expect(party.map((c) => [c.collection, c.inserted, c.changed])).toEqual(party.map((c) => [c.collection, 0, 0]));
  expect(party.find((c) => c.collection === 'joint_cases')!.documents).toBeGreaterThan(0);
}, 60_000);
