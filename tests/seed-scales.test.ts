import { buildCoreWorld } from '@cg/seed/world';
import { buildWorld } from '@cg/kit/testing';

// The scales of `npm run seed -- --scale …`: demo carries 义合美新城's reported figures (DOMAIN.md, seed 000), bench
// has at least 100,000 residents, and every scale's world is consistent across departments.
jest.setTimeout(60_000);

test('demo has 义合美新城 figures: households, residents, party committees, branches, building groups, welfare posts, employed nearby', async () => {
  const world = await buildWorld('demo');
  const civil = world['civil-affairs']!;
  const orgs = world.party!.PartyOrganization!;
  const employment = world.employment!;
  const level = (name: string) => orgs.filter((o) => o.level === name).length;
  // Current status: each resident's latest record; employed nearby (就近就业) means at one of our employers.
  const latest = new Map<string, Record<string, unknown>>();
  for (const record of employment.EmploymentRecord!) {
    const previous = latest.get(record.residentId as string);
    if (!previous || (previous.since as string) <= (record.since as string)) latest.set(record.residentId as string, record);
  }
  const employers = new Set(employment.Employer!.map((e) => e._id));
  const nearby = [...latest.values()].filter((r) => r.status === 'EMPLOYED' && employers.has(r.employerId as string)).length;
  expect({
    households: civil.Household!.length,
    residents: civil.Resident!.length,
    committees: level('COMMUNITY_COMMITTEE'),
    branches: level('BRANCH'),
    buildingGroups: level('GROUP'),
    welfarePosts: employment.WelfarePost!.length,
    nearby,
  }).toEqual({ households: 8711, residents: 22_295, committees: 4, branches: 16, buildingGroups: 26, welfarePosts: 384, nearby: 3568 });
  expect(civil.Community![0]).toMatchObject({ householdCount: 8711, population: 22_295 });

  // Consistent across departments: every party member is a resident, every household's dwelling exists.
  const residents = new Set(civil.Resident!.map((r) => r._id));
  const units = new Set(world.property!.Unit!.map((u) => u._id));
  expect(world.party!.PartyMember!.every((m) => residents.has(m.residentId as string))).toBe(true);
  expect(civil.Household!.every((h) => units.has(h.unitId as string))).toBe(true);
  // Every community committee has branches under it.
  const committees = orgs.filter((o) => o.level === 'COMMUNITY_COMMITTEE').map((o) => o._id);
  expect(committees.every((id) => orgs.some((o) => o.level === 'BRANCH' && o.parentId === id))).toBe(true);
});

test('bench has at least 100,000 residents; county about 10,000', () => {
  expect(buildCoreWorld('bench').world['civil-affairs']!.Resident!.length).toBeGreaterThanOrEqual(100_000);
  const county = buildCoreWorld('county').world['civil-affairs']!.Resident!.length;
  expect(county).toBeGreaterThan(9_000);
  expect(county).toBeLessThan(12_000);
});

test('an unknown scale is refused by name', () => {
  expect(() => buildCoreWorld('huge')).toThrow(/unknown scale "huge"; choose one of small, demo, county, bench/);
});
