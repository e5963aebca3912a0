import { makeIdNumber, maskIdNumber, stableId } from '@cg/kit';
import { expectError, snapshot, useStack } from '@cg/kit/testing';
import { allPages, freshIdNumber, idNumberEndingInX, withWrongCheck } from './support';

// Places and people through the gateway: the grid chain, filters and pagination, lookup by ID number, registration.
const { stack, world } = useStack();
const civil = () => world()['civil-affairs']!;

/** Age in whole years, worked out independently of the subgraph's helper. */
const age = (birthDate: string, on: string) => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

const REGISTER = `mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id idNumber birthDate sex residency household { id } grid { id } } }`;
const household0 = () => civil().Household![0]!;

test('residents of one grid aged 18–60, by birth date: every page reports the same totalCount, no gaps or repeats', async () => {
  const gridId = stableId('grid', 'ZB-YHM-02');
  const asOf = '2026-11-01';
  const expected = civil()
    .Resident!.filter((r) => r.gridId === gridId && age(r.birthDate as string, asOf) >= 18 && age(r.birthDate as string, asOf) <= 60)
    .sort((a, b) => (a.birthDate as string).localeCompare(b.birthDate as string) || a._id.localeCompare(b._id));
  expect(expected.length).toBeGreaterThan(20);
  const { nodes, totals } = await allPages(
    stack,
    'residents',
    `filter: { gridId: "${gridId}", minAge: 18, maxAge: 60, asOf: "${asOf}" }, sort: { field: BIRTH_DATE },`,
    'id birthDate',
    7,
  );
  expect(totals).toEqual([expected.length]);
  expect(nodes.map((n) => n.id)).toEqual(expected.map((r) => r._id));

  const { nodes: desc } = await allPages(
    stack,
    'residents',
    `filter: { gridId: "${gridId}", minAge: 18, maxAge: 60, asOf: "${asOf}" }, sort: { field: BIRTH_DATE, direction: DESC },`,
    'birthDate',
    50,
  );
  expect(desc.map((n) => n.birthDate)).toEqual(expected.map((r) => r.birthDate).reverse());
});

test('name prefix, sex, community and vulnerability filters count what the seed holds', async () => {
  const surname = [...(civil().Resident![0]!.name as string)][0]!;
  const byName = civil().Resident!.filter((r) => (r.name as string).startsWith(surname) && r.sex === 'FEMALE');
  // Searching by name reads names: only for a purpose that shows them in full (@reads in the SDL).
  const byNameQuery = `{ residents(filter: { namePrefix: "${surname}", sex: FEMALE }, first: 100) { totalCount edges { node { name sex } } } }`;
  expectError(await stack.query(byNameQuery), 'FORBIDDEN', 'ResidentFilter.namePrefix');
  const named = await stack.query(byNameQuery, {}, { purpose: 'CASE_HANDLING' });
  expect(named.data.residents.totalCount).toBe(byName.length);
  expect(named.data.residents.edges.every((e: any) => e.node.name.startsWith(surname) && e.node.sex === 'FEMALE')).toBe(true);

  const community = civil().Community![0]!;
  const all = await stack.query(`{ residents(filter: { communityId: "${community._id}" }, first: 1) { totalCount } }`);
  expect(all.data.residents.totalCount).toBe(civil().Resident!.length);

  // Residency: a resident the seed gives none is registered (户籍), like one registered without it.
  const floating = civil().Resident!.filter((r) => r.residency === 'FLOATING').length;
  const byResidency = async (residency: string) => (await stack.query(`{ residents(filter: { residency: ${residency} }, first: 1) { totalCount } }`)).data.residents.totalCount;
  expect([await byResidency('REGISTERED'), await byResidency('FLOATING')]).toEqual([civil().Resident!.length - floating, floating]);

  const alone = new Set(
    civil()
      .CareProfile!.filter((p) => (p.flags as string[]).some((f) => ['ELDERLY_ALONE', 'HOSPITALISED'].includes(f)))
      .map((p) => p.residentId),
  );
  expect(alone.size).toBeGreaterThan(0);
  const { nodes, totals } = await allPages(stack, 'residents', 'filter: { vulnerabilities: [ELDERLY_ALONE, HOSPITALISED] },', 'id care { flags }', 25);
  expect(totals).toEqual([alone.size]);
  expect(new Set(nodes.map((n) => n.id))).toEqual(alone);
  expect(nodes.every((n) => n.care.flags.includes('ELDERLY_ALONE') || n.care.flags.includes('HOSPITALISED'))).toBe(true);

  expectError(await stack.query('{ residents(filter: { minAge: 70, maxAge: 60 }) { totalCount } }'), 'BAD_USER_INPUT', 'maxAge');
  expectError(await stack.query('{ residents(first: 1, after: "bogus") { totalCount } }'), 'BAD_USER_INPUT', 'after');
});

test('the grid chain has four levels: community → grid → building → entrance, and a household sits in its sub-grids', async () => {
  const gridId = stableId('grid', 'ZB-YHM-01');
  const { data, errors } = await stack.query(`{ grid(id: "${gridId}") { level parent { id } community { name } workers { role name }
    children { code level parent { id } children { level residents(first: 100) { totalCount edges { node { id } } } } } } }`);
  expect(errors).toBeUndefined();
  expect(data.grid.level).toBe('GRID');
  expect(data.grid.parent).toBeNull();
  expect(data.grid.workers.length).toBeGreaterThan(0);
  expect(data.grid.children.map((c: any) => c.level)).toEqual(data.grid.children.map(() => 'BUILDING'));
  const entrances = data.grid.children.flatMap((c: any) => c.children);
  expect(entrances.length).toBeGreaterThan(0);
  expect(entrances.every((e: any) => e.level === 'ENTRANCE')).toBe(true);
  // Every resident of the grid lives in exactly one entrance of it.
  const inEntrances = entrances.flatMap((e: any) => e.residents.edges.map((r: any) => r.node.id)).sort();
  expect(inEntrances).toEqual(
    civil()
      .Resident!.filter((r) => r.gridId === gridId)
      .map((r) => r._id)
      .sort(),
  );

  const levels = await stack.query(
    '{ g: grids(filter: { level: GRID }) { totalCount } e: grids(filter: { level: ENTRANCE }, first: 3) { totalCount edges { node { parent { level parent { level } } } } } }',
  );
  expect(levels.data.g.totalCount).toBe(civil().Grid!.filter((g) => g.level === 'GRID').length);
  expect(levels.data.e.totalCount).toBe(civil().Grid!.filter((g) => g.level === 'ENTRANCE').length);
  expect(levels.data.e.edges[0].node.parent).toEqual({ level: 'BUILDING', parent: { level: 'GRID' } });

  const before = await snapshot(stack, ['civil-affairs']);
  const wrongParent = await stack.query(`mutation { createGrid(input: { code: "X-1", name: "x", level: ENTRANCE, parentId: "${gridId}", leaderName: "王五" }) { id } }`);
  expectError(wrongParent, 'BAD_USER_INPUT', 'parentId');
  expect(await snapshot(stack, ['civil-affairs'])).toBe(before);
});

const CASE = { purpose: 'CASE_HANDLING' };

test('lookup by ID number (with a stated purpose): exact match, lowercase x normalised, bad check digit and future birth date refused', async () => {
  const seeded = civil().Resident![5]!;
  const found = await stack.query(`{ residentByIdNumber(idNumber: "${seeded.idNumber}") { id idNumber } }`, {}, CASE);
  expect(found.data.residentByIdNumber).toEqual({ id: seeded._id, idNumber: maskIdNumber(seeded.idNumber as string) });

  const lower = idNumberEndingInX('1958-03-12', true);
  const registered = await stack.query(REGISTER, { input: { name: '李秀英', idNumber: lower, householdId: household0()._id, relationToHead: '母亲' } });
  expect(registered.errors).toBeUndefined();
  expect(registered.data.registerResident).toMatchObject({
    birthDate: '1958-03-12',
    sex: Number(lower[16]) % 2 ? 'MALE' : 'FEMALE',
    residency: 'REGISTERED',
    grid: { id: household0().gridId },
  });
  expect(registered.data.registerResident.idNumber.endsWith('X')).toBe(true);
  for (const form of [lower, lower.toUpperCase()]) {
    const byX = await stack.query(`{ residentByIdNumber(idNumber: "${form}") { id } }`, {}, CASE);
    expect(byX.data.residentByIdNumber.id).toBe(registered.data.registerResident.id);
  }

  expectError(await stack.query(`{ residentByIdNumber(idNumber: "${withWrongCheck(seeded.idNumber as string)}") { id } }`, {}, CASE), 'BAD_USER_INPUT', 'idNumber');
  expectError(await stack.query(`{ residentByIdNumber(idNumber: "${makeIdNumber('130722', '2099-01-01', 11)}") { id } }`, {}, CASE), 'BAD_USER_INPUT', 'idNumber');
  expect((await stack.query(`{ residentByIdNumber(idNumber: "${freshIdNumber()}") { id } }`, {}, CASE)).data.residentByIdNumber).toBeNull();
});

test('registering a resident: each bad input is a typed error and changes nothing; a duplicate ID number is CONFLICT', async () => {
  const good = { name: '赵小明', idNumber: freshIdNumber('1985-02-20'), phone: '139 1234 5678', householdId: household0()._id, relationToHead: '子女' };
  const before = await snapshot(stack, ['civil-affairs']);
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [{ idNumber: withWrongCheck(good.idNumber) }, 'BAD_USER_INPUT', 'idNumber'],
    [{ idNumber: makeIdNumber('130722', '2099-05-01', 21) }, 'BAD_USER_INPUT', 'idNumber'],
    [{ idNumber: '13072219850220' }, 'BAD_USER_INPUT', 'idNumber'],
    [{ phone: '12012345678' }, 'BAD_USER_INPUT', 'phone'],
    [{ name: '   ' }, 'BAD_USER_INPUT', 'name'],
    [{ householdId: 'nope' }, 'BAD_USER_INPUT', 'householdId'],
    [{ householdId: '0'.repeat(24) }, 'NOT_FOUND', 'householdId'],
    [{ idNumber: civil().Resident![0]!.idNumber }, 'CONFLICT', 'idNumber'],
  ];
  for (const [change, code, field] of cases) {
    expectError(await stack.query(REGISTER, { input: { ...good, ...change } }), code, field);
    expect(await snapshot(stack, ['civil-affairs'])).toBe(before);
  }

  // Retried with the same key: one resident. Same key, other input: CONFLICT.
  const input = { ...good, idempotencyKey: 'register-zhao-0001' };
  const first = await stack.query(REGISTER, { input });
  const retry = await stack.query(REGISTER, { input });
  expect(first.errors).toBeUndefined();
  expect(retry.data.registerResident.id).toBe(first.data.registerResident.id);
  expect(await stack.departments['civil-affairs']!.models.Resident.countDocuments({ idNumber: good.idNumber })).toBe(1);
  expectError(await stack.query(REGISTER, { input: { ...input, name: '赵大明' } }), 'CONFLICT', 'idempotencyKey');
  // Registered again under another key: the ID number is taken.
  expectError(await stack.query(REGISTER, { input: { ...good, idempotencyKey: 'register-zhao-0002' } }), 'CONFLICT', 'idNumber');

  const update = await stack.query(
    `mutation($id: ID!) { updateResident(id: $id, input: { idNumber: "${makeIdNumber('130722', '1979-12-31', 102)}", residency: FLOATING }) { birthDate sex residency household { floatingMemberCount } } }`,
    { id: first.data.registerResident.id },
  );
  expect(update.data.updateResident).toEqual({ birthDate: '1979-12-31', sex: 'FEMALE', residency: 'FLOATING', household: { floatingMemberCount: 1 } });
});

test('registering a household checks its Unit with property: a missing one is NOT_FOUND and changes nothing', async () => {
  const REGISTER_HOUSEHOLD = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id fileNumber tenure grid { code } subGrids { level } dwelling { id } } }`;
  const grid = civil().Grid!.find((g) => g.code === 'ZB-YHM-04')!;
  const entrance = civil().Grid!.find((g) => g.level === 'ENTRANCE' && (g.ancestorIds as string[])[0] === grid._id)!;
  const unit = world().property!.Unit![3]!;
  const input = { fileNumber: 'YHM-NEW-0001', tenure: 'RENTED', gridId: grid._id, subGridId: entrance._id, unitId: unit._id, idempotencyKey: 'household-new-0001' };
  const before = await snapshot(stack, ['civil-affairs']);
  expectError(await stack.query(REGISTER_HOUSEHOLD, { input: { ...input, unitId: '0'.repeat(24) } }), 'NOT_FOUND', 'unitId');
  expectError(await stack.query(REGISTER_HOUSEHOLD, { input: { ...input, unitId: 'x' } }), 'BAD_USER_INPUT', 'unitId');
  expectError(
    await stack.query(REGISTER_HOUSEHOLD, {
      input: { ...input, subGridId: civil().Grid!.find((g) => g.level === 'ENTRANCE' && (g.ancestorIds as string[])[0] !== grid._id)!._id },
    }),
    'BAD_USER_INPUT',
    'subGridId',
  );
  expectError(await stack.query(REGISTER_HOUSEHOLD, { input: { ...input, fileNumber: household0().fileNumber } }), 'CONFLICT', 'fileNumber');
  expect(await snapshot(stack, ['civil-affairs'])).toBe(before);

  const created = await stack.query(REGISTER_HOUSEHOLD, { input });
  expect(created.errors).toBeUndefined();
  expect(created.data.registerHousehold).toMatchObject({
    fileNumber: 'YHM-NEW-0001',
    grid: { code: 'ZB-YHM-04' },
    subGrids: [{ level: 'BUILDING' }, { level: 'ENTRANCE' }],
    dwelling: { id: unit._id },
  });
  const again = await stack.query(REGISTER_HOUSEHOLD, { input });
  expect(again.data.registerHousehold.id).toBe(created.data.registerHousehold.id);

  const moved = await stack.query(`mutation($id: ID!) { updateHousehold(id: $id, input: { unitId: "${'0'.repeat(24)}" }) { id } }`, { id: created.data.registerHousehold.id });
  expectError(moved, 'NOT_FOUND', 'unitId');
  const byFile = await stack.query('{ householdByFileNumber(fileNumber: "YHM-NEW-0001") { dwelling { id } } }');
  expect(byFile.data.householdByFileNumber.dwelling.id).toBe(unit._id);
});
