import { buildWorld, seedWorld, dropDatabases } from '@cg/kit/testing';

// The civil-affairs seed extension: deterministic, consistent with the core world, safe to run twice.
afterAll(() => dropDatabases());

test('seeding twice changes nothing in civil affairs', async () => {
  const uri = process.env.MONGODB_URI!;
  await seedWorld(uri, 'small', process.env.MONGODB_DB_PREFIX);
  const again = (await seedWorld(uri, 'small', process.env.MONGODB_DB_PREFIX)).filter((c) => c.department === 'civil-affairs');
  expect(again.map((c) => c.collection).sort()).toEqual(expect.arrayContaining(['care_profiles', 'civility_points_entries', 'disputes', 'visits']));
  for (const count of again)
    expect({ collection: count.collection, inserted: count.inserted, changed: count.changed }).toEqual({ collection: count.collection, inserted: 0, changed: 0 });
}, 120_000);

test('the extension is deterministic, refers only to real residents, and its ledgers add up', async () => {
  const [a, b] = [await buildWorld('small'), await buildWorld('small')];
  expect(JSON.stringify(a['civil-affairs'])).toBe(JSON.stringify(b['civil-affairs']));
  const civil = a['civil-affairs']!;
  const residents = new Set(civil.Resident!.map((r) => r._id));
  for (const model of ['CareProfile', 'AssistanceRecord', 'Visit', 'ProxyService', 'CivilityPointsAccount']) {
    expect(civil[model]!.length).toBeGreaterThan(0);
    expect(civil[model]!.every((d) => residents.has(d.residentId as string))).toBe(true);
  }
  for (const account of civil.CivilityPointsAccount!) {
    const entries = civil.CivilityPointsEntry!.filter((e) => e.residentId === account.residentId);
    const sum = entries.reduce((acc, e) => acc + (e.kind === 'EARN' ? 1 : -1) * (e.points as number), 0);
    expect([account.balance, account.seq]).toEqual([sum, entries.length]);
    expect(entries.every((e) => (e.balanceAfter as number) >= 0)).toBe(true);
  }
  // Proportional to the scale: about ten times the residents at county, about ten times the care profiles.
  const county = (await buildWorld('county'))['civil-affairs']!;
  const ratio = (model: string) => county[model]!.length / civil[model]!.length;
  expect(ratio('CareProfile') / ratio('Resident')).toBeGreaterThan(0.7);
  expect(ratio('CareProfile') / ratio('Resident')).toBeLessThan(1.4);
}, 60_000);
