import { buildWorld } from '@cg/kit/testing';

// The seeded loose ends follow the rules the mutations apply, at every scale: points follow the work with one
// 超期未办理 deduction per overdue item, closed cases credit their helpers, retired members and units report, and
// orders raised from cases or patrol findings point at records that exist.
jest.setTimeout(120_000);
const TODAY = '2026-11-01';

test.each(['small', 'county'])('%s: loose ends of the case are consistent', async (scale) => {
  const world = await buildWorld(scale);
  const party = world.party!;
  const ledger = party.PointEntry!;
  expect(new Set(ledger.map((e) => e._id)).size).toBe(ledger.length);
  const bySource = new Map<string, typeof ledger>();
  for (const e of ledger) bySource.set(String(e.sourceId), [...(bySource.get(String(e.sourceId)) ?? []), e]);

  for (const claim of party.PostClaim!) {
    const overdue = bySource.get(`${claim._id}:overdue`) ?? [];
    const earned = bySource.get(claim._id) ?? [];
    const late = claim.status === 'DONE' ? (claim.doneOn as string) > (claim.dueOn as string) : (claim.dueOn as string) < TODAY;
    expect(overdue).toHaveLength(late ? 1 : 0);
    expect(earned).toHaveLength(claim.status === 'DONE' && !late ? 1 : 0);
  }
  for (const wish of party.MicroWish!.filter((w) => w.claimedById)) {
    const late = wish.doneOn ? (wish.doneOn as string) > (wish.dueOn as string) : (wish.dueOn as string) < TODAY;
    expect(bySource.get(`${wish._id}:overdue`) ?? []).toHaveLength(late ? 1 : 0);
  }
  const closed = party.JointCase!.filter((c) => c.status === 'CLOSED');
  expect(closed.length).toBeGreaterThan(0);
  for (const c of closed) expect((bySource.get(c._id) ?? []).every((e) => e.sourceType === 'JOINT_CASE')).toBe(true);
  expect(closed.every((c) => (bySource.get(c._id) ?? []).length > 0)).toBe(true);

  const members = new Map(party.PartyMember!.map((m) => [m._id, m]));
  expect(party.DualRegistration!.some((r) => members.get(r.memberId as string)?.category === 'RETIRED')).toBe(true);
  const posts = new Set(party.ServicePost!.map((p) => p._id));
  expect(party.UnitRegistration!.length).toBeGreaterThanOrEqual(4);
  for (const u of party.UnitRegistration!) expect((u.postIds as string[]).every((id) => posts.has(id))).toBe(true);

  const orders = world.property!.ServiceOrder!;
  const cases = new Map(party.JointCase!.map((c) => [c._id, c]));
  const linked = orders.filter((o) => o.caseId);
  expect(linked.length).toBeGreaterThan(0);
  for (const o of linked) expect(cases.get(o.caseId as string)?.unitId).toBe(o.unitId);
  expect(new Set(orders.map((o) => o._id)).size).toBe(orders.length);
});
