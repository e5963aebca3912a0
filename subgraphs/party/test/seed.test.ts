import { seedWorld, buildWorld, dropDatabases } from '@cg/kit/testing';
import { judge, windowMonths } from '../src/points';

afterAll(() => dropDatabases());

test('party seed: every org has its ancestor path, references stay inside the world, rule entries follow the rule', async () => {
  const world = await buildWorld('small');
  const p = world.party!;
  const orgs = new Map(p.PartyOrganization!.map((o) => [o._id, o]));
  for (const org of orgs.values()) {
    const path: string[] = [];
    for (let up = org.parentId as string | undefined; up; up = orgs.get(up)!.parentId as string | undefined) path.unshift(up);
    expect(org.ancestorIds).toEqual(path);
  }
  expect(new Set(p.PartyOrganization!.map((o) => o.level))).toEqual(new Set(['WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'BRANCH', 'GROUP', 'CENTRAL_HOUSEHOLD']));
  const members = new Map(p.PartyMember!.map((m) => [m._id, m]));
  for (const r of p.DualRegistration!) expect(['IN_SERVICE', 'RETIRED']).toContain(members.get(r.memberId as string)?.category);
  const households = new Set(world['civil-affairs']!.Household!.map((h) => h._id));
  for (const a of p.ServiceActivity!.filter((x) => x.householdId)) expect(households.has(a.householdId as string)).toBe(true);
  // Each rule entry equals the judgement of the member's earned points over its window.
  const earned = new Map<string, number>();
  for (const e of p.PointEntry!.filter((x) => !String(x.sourceType).startsWith('RULE')))
    earned.set(`${e.memberId}|${e.month}`, (earned.get(`${e.memberId}|${e.month}`) ?? 0) + (e.points as number));
  const rules = p.PointEntry!.filter((x) => String(x.sourceType).startsWith('RULE'));
  expect(rules.length).toBeGreaterThan(0);
  for (const r of rules) {
    const outcome = judge(windowMonths(r.month as string).map((m) => earned.get(`${r.memberId}|${m}`) ?? 0));
    expect(r.sourceType).toBe(outcome === 'BONUS' ? 'RULE_BONUS' : 'RULE_PENALTY');
  }
  const perBranchQuarter = new Map<string, number>();
  for (const n of p.AwardNomination!) perBranchQuarter.set(`${n.branchId}|${n.quarter}`, (perBranchQuarter.get(`${n.branchId}|${n.quarter}`) ?? 0) + 1);
  expect(Math.min(...perBranchQuarter.values())).toBeGreaterThanOrEqual(1);
  expect(Math.max(...perBranchQuarter.values())).toBeLessThanOrEqual(3);
});

test('seeding the demo world twice changes nothing in party collections the second time', async () => {
  const first = (await seedWorld(process.env.MONGODB_URI!, 'small', process.env.MONGODB_DB_PREFIX)).filter((c) => c.department === 'party');
  expect(first.every((c) => c.inserted === c.documents)).toBe(true);
  const second = (await seedWorld(process.env.MONGODB_URI!, 'small', process.env.MONGODB_DB_PREFIX)).filter((c) => c.department === 'party');
  expect(second.map((c) => [c.collection, c.inserted, c.changed])).toEqual(first.map((c) => [c.collection, 0, 0]));
}, 120_000);
