import { makeIdNumber, maskIdNumber, maskName, observeCommands, stableId, type World } from '@cg/kit';
import { buildWorld, expectError, snapshot, startStack, type QueryOptions, type Stack } from '@cg/kit/testing';

// Master data through the gateway: a clerk sets up an estate from nothing and finds the people living in a dwelling.
// Refused writes change nothing in any department; archived parents take no children; community counts are derived.
jest.setTimeout(180_000);
let stack: Stack;
let world: World;
let propertyClerk: QueryOptions;
const seededCommunity = stableId('community', '义合美新城社区');
const ids: Record<string, string> = {};

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  propertyClerk = { token: await stack.token('civil-affairs-clerk', { subject: 'demo-property-clerk', department: 'property' }) };
}, 120_000);
afterAll(() => stack.stop());

async function ok<T = any>(query: string, variables: Record<string, unknown>, options: QueryOptions = {}): Promise<T> {
  const { data, errors } = await stack.query(query, variables, options);
  expect(errors).toBeUndefined();
  return data as T;
}

/** Places and people live in these two departments; a refused write leaves both exactly as they were. */
const OWNERS = ['civil-affairs', 'property'];
async function refused(query: string, variables: Record<string, unknown>, code: string, field: string | undefined, options: QueryOptions = {}, departments = OWNERS) {
  const before = await snapshot(stack, departments);
  const result = await stack.query(query, variables, options);
  expect(result.data ?? null).toBeNull();
  expectError(result, code, field);
  const unchanged = (await snapshot(stack, departments)) === before;
  expect(unchanged).toBe(true);
}

const CREATE_COMMUNITY = 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id name householdCount population archived { at } } }';
const CREATE_GRID = 'mutation($input: CreateGridInput!) { createGrid(input: $input) { id community { id } } }';
const CREATE_COMPANY = 'mutation($input: CreatePropertyCompanyInput!) { createPropertyCompany(input: $input) { id name isFallbackProvider archived { at } } }';
const CREATE_ESTATE =
  'mutation($input: CreateEstateInput!) { createEstate(input: $input) { id community { id name } propertyCompany { id } managedSince managementHistory { action effectiveOn } } }';
const CREATE_BUILDING = 'mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id number floors estate { id } grid { id } } }';
const CREATE_UNIT = 'mutation($input: CreateUnitInput!) { createUnit(input: $input) { id label building { id } } }';
const REGISTER_HOUSEHOLD = 'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id dwelling { id label } } }';
const REGISTER_RESIDENT = 'mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id } }';
const COUNTS = 'query($id: ID!) { community(id: $id) { householdCount population archived { reason } } }';

test('a clerk sets up an estate, registers a household into a dwelling and finds its occupants from the dwelling', async () => {
  const community = (await ok(CREATE_COMMUNITY, { input: { name: '新城测试社区', district: '张北县', settlementType: 'RELOCATION' } })).createCommunity;
  expect(community).toMatchObject({ name: '新城测试社区', householdCount: 0, population: 0, archived: null });
  ids.community = community.id;
  ids.grid = (await ok(CREATE_GRID, { input: { code: 'ZB-XC-01', name: '新城第一网格', level: 'GRID', communityId: ids.community, leaderName: '王网格' } })).createGrid.id;

  const company = (await ok(CREATE_COMPANY, { input: { name: '张北县新城物业有限公司' } }, propertyClerk)).createPropertyCompany;
  expect(company).toMatchObject({ isFallbackProvider: false, archived: null });
  ids.company = company.id;
  const estate = (
    await ok(
      CREATE_ESTATE,
      { input: { name: '新城小区', address: '张北县新城路1号', communityId: ids.community, propertyCompanyId: ids.company, managedSince: '2026-09-01' } },
      propertyClerk,
    )
  ).createEstate;
  expect(estate).toMatchObject({ community: { id: ids.community, name: '新城测试社区' }, propertyCompany: { id: ids.company }, managedSince: '2026-09-01' });
  expect(estate.managementHistory).toEqual([{ action: 'CONTRACTED', effectiveOn: '2026-09-01' }]);
  ids.estate = estate.id;
  const building = (await ok(CREATE_BUILDING, { input: { estateId: ids.estate, number: '1号楼', floors: 6, gridId: ids.grid } }, propertyClerk)).createBuilding;
  expect(building).toMatchObject({ number: '1号楼', estate: { id: ids.estate }, grid: { id: ids.grid } });
  ids.building = building.id;
  const units = [];
  for (const room of ['101', '102', '201']) {
    units.push((await ok(CREATE_UNIT, { input: { buildingId: ids.building, entrance: '1单元', floor: Number(room[0]), room } }, propertyClerk)).createUnit);
  }
  expect(units.map((u) => u.label)).toEqual(['1号楼1单元101', '1号楼1单元102', '1号楼1单元201']);
  [ids.unit, ids.emptyUnit, ids.spareUnit] = units.map((u) => u.id);

  const household = (await ok(REGISTER_HOUSEHOLD, { input: { fileNumber: 'XC0101001', tenure: 'OWNED', gridId: ids.grid, unitId: ids.unit } })).registerHousehold;
  expect(household.dwelling).toEqual({ id: ids.unit, label: '1号楼1单元101' });
  ids.household = household.id;
  const people = [
    { name: '李建国', idNumber: makeIdNumber('130722', '1971-02-03', 977), relationToHead: '户主' },
    { name: '张秀英', idNumber: makeIdNumber('130722', '1973-06-09', 978), relationToHead: '配偶' },
  ];
  const residentIds = [];
  for (const p of people) residentIds.push((await ok(REGISTER_RESIDENT, { input: { ...p, householdId: ids.household } })).registerResident.id);
  // Counts follow the registry: one household, two residents.
  expect((await ok(COUNTS, { id: ids.community })).community).toEqual({ householdCount: 1, population: 2, archived: null });

  const found = await ok(
    `query($id: ID!) { estate(id: $id) { buildings(first: 1) { edges { node { units(first: 3) { edges { node { id label household { id fileNumber } occupants { id name idNumber } } } } } } } } }`,
    { id: ids.estate },
    propertyClerk,
  );
  const [lived, empty] = found.estate.buildings.edges[0].node.units.edges.map((e: any) => e.node);
  expect(lived).toMatchObject({ id: ids.unit, household: { id: ids.household, fileNumber: 'XC0101001' } });
  expect(lived.occupants.map((o: { id: string }) => o.id)).toEqual(residentIds);
  // Personal data as Resident's rules say: a property clerk sees masked names and ID numbers, and the read is recorded.
  expect(lived.occupants[0].name).toBe(maskName(people[0]!.name));
  expect(lived.occupants[0].idNumber).toBe(maskIdNumber(people[0]!.idNumber));
  expect(empty).toMatchObject({ household: null, occupants: [] });
  const records = await stack.departments['civil-affairs']!.connection.collection('audit_records').find({ entityIds: residentIds[0] }).toArray();
  expect(records.some((r) => r.subject === 'demo-property-clerk' && r.fields.includes('Resident.idNumber'))).toBe(true);
});

test('dwellings → household and occupants batch: one query per collection for a whole building', async () => {
  const watch = observeCommands(stack.departments['civil-affairs']!.connection);
  const { data, errors } = await stack.query('query($b: ID!) { units(filter: { buildingId: $b }) { edges { node { household { fileNumber } occupants { id } } } } }', {
    b: ids.building,
  });
  watch.stop();
  expect(errors).toBeUndefined();
  expect(data.units.edges.filter((e: any) => e.node.household)).toHaveLength(1);
  const finds = watch.commands.filter((c) => c.name === 'find').map((c) => c.collection);
  expect(finds.filter((c) => c === 'households')).toHaveLength(1);
  expect(finds.filter((c) => c === 'residents')).toHaveLength(1);
});

test('bad input is refused with a typed code and changes nothing', async () => {
  const seededGrid = stableId('grid', 'ZB-YHM-01');
  await refused(CREATE_COMMUNITY, { input: { name: ' ', district: '张北县', settlementType: 'ORDINARY' } }, 'BAD_USER_INPUT', 'name');
  await refused(CREATE_COMMUNITY, { input: { name: '新城测试社区', district: '张北县', settlementType: 'ORDINARY' } }, 'CONFLICT', 'name');
  await refused(CREATE_COMPANY, { input: { name: '张北县新城物业有限公司' } }, 'CONFLICT', 'name', propertyClerk);
  await refused(CREATE_ESTATE, { input: { name: '无名小区', address: '某路', communityId: 'ab'.repeat(12) } }, 'NOT_FOUND', 'communityId', propertyClerk);
  await refused(
    CREATE_ESTATE,
    { input: { name: '无名小区', address: '某路', communityId: ids.community, propertyCompanyId: ids.company } },
    'BAD_USER_INPUT',
    'managedSince',
    propertyClerk,
  );
  await refused(CREATE_BUILDING, { input: { estateId: ids.estate, number: '2号楼', floors: 6, gridId: seededGrid } }, 'BAD_USER_INPUT', 'gridId', propertyClerk);
  await refused(CREATE_BUILDING, { input: { estateId: ids.estate, number: '2号楼', floors: 0, gridId: ids.grid } }, 'BAD_USER_INPUT', 'floors', propertyClerk);
  await refused(CREATE_BUILDING, { input: { estateId: ids.estate, number: '1号楼', floors: 6, gridId: ids.grid } }, 'CONFLICT', 'number', propertyClerk);
  await refused(CREATE_UNIT, { input: { buildingId: ids.building, entrance: '1单元', floor: 7, room: '701' } }, 'BAD_USER_INPUT', 'floor', propertyClerk);
  await refused(CREATE_UNIT, { input: { buildingId: ids.building, entrance: '1单元', floor: 1, room: '101' } }, 'CONFLICT', 'room', propertyClerk);
  await refused(REGISTER_HOUSEHOLD, { input: { fileNumber: 'XC0101002', tenure: 'OWNED', gridId: ids.grid, unitId: 'ab'.repeat(12) } }, 'NOT_FOUND', 'unitId');
  await refused('mutation($id: ID!) { updateUnit(id: $id, input: {}) { id } }', { id: ids.unit }, 'BAD_USER_INPUT', 'input', propertyClerk);
});

test('forbidden callers: other roles and departments, and secretaries outside their communities', async () => {
  const estateInput = { name: '越权小区', address: '某路', communityId: ids.community };
  await refused(CREATE_ESTATE, { input: estateInput }, 'FORBIDDEN', undefined, { as: 'property-staff' });
  await refused(CREATE_ESTATE, { input: estateInput }, 'FORBIDDEN', undefined, { as: 'grid-worker' });
  await refused(CREATE_COMPANY, { input: { name: '越权物业' } }, 'FORBIDDEN', undefined, { as: 'party-secretary' });
  await refused(CREATE_COMMUNITY, { input: { name: '越权社区', district: '张北县', settlementType: 'ORDINARY' } }, 'FORBIDDEN', undefined, { as: 'property-partner' });
  // The party secretary of 义合美新城社区 changes its places, not the new community's.
  await refused(CREATE_ESTATE, { input: estateInput }, 'FORBIDDEN', 'communityId', { as: 'party-secretary' });
  await refused(CREATE_BUILDING, { input: { estateId: ids.estate, number: '9号楼', floors: 6, gridId: ids.grid } }, 'FORBIDDEN', 'estateId', { as: 'party-secretary' });
  await refused(CREATE_COMMUNITY, { input: { name: '越权社区', district: '张北县', settlementType: 'ORDINARY' } }, 'FORBIDDEN', 'input', { as: 'party-secretary' });
  const own = await ok(CREATE_ESTATE, { input: { name: '义合美新城三区', address: '张北县义合美新城北街3号', communityId: seededCommunity } }, { as: 'party-secretary' });
  expect(own.createEstate).toMatchObject({ community: { id: seededCommunity }, propertyCompany: null, managementHistory: [] });
});

test('archiving keeps records readable and refuses children; a dwelling with a household stays in use', async () => {
  const ARCHIVE_UNIT = 'mutation($id: ID!) { archiveUnit(id: $id, reason: "拆除") { id archived { at by reason } } }';
  await refused(ARCHIVE_UNIT, { id: ids.unit }, 'CONFLICT', 'id', propertyClerk);
  await refused('mutation($id: ID!) { archiveBuilding(id: $id, reason: "拆除") { id } }', { id: ids.building }, 'CONFLICT', 'id', propertyClerk);
  const archived = (await ok(ARCHIVE_UNIT, { id: ids.emptyUnit }, propertyClerk)).archiveUnit;
  expect(archived.archived).toMatchObject({ by: 'demo-property-clerk', reason: '拆除' });
  await refused(ARCHIVE_UNIT, { id: ids.emptyUnit }, 'CONFLICT', 'id', propertyClerk);
  await refused(REGISTER_HOUSEHOLD, { input: { fileNumber: 'XC0101003', tenure: 'RENTED', gridId: ids.grid, unitId: ids.emptyUnit } }, 'CONFLICT', 'unitId');
  await refused('mutation($id: ID!) { updateUnit(id: $id, input: { room: "103" }) { id } }', { id: ids.emptyUnit }, 'CONFLICT', 'id', propertyClerk);
  expect((await ok('query($id: ID!) { unit(id: $id) { label archived { reason } } }', { id: ids.emptyUnit }, propertyClerk)).unit).toEqual({
    label: '1号楼1单元102',
    archived: { reason: '拆除' },
  });

  const spare = (await ok(CREATE_BUILDING, { input: { estateId: ids.estate, number: '2号楼', floors: 3, gridId: ids.grid } }, propertyClerk)).createBuilding.id;
  await ok('mutation($id: ID!) { archiveBuilding(id: $id, reason: "未建成") { id } }', { id: spare }, propertyClerk);
  await refused(CREATE_UNIT, { input: { buildingId: spare, entrance: '1单元', floor: 1, room: '101' } }, 'CONFLICT', 'buildingId', propertyClerk);

  const ARCHIVE_COMMUNITY = 'mutation($id: ID!) { archiveCommunity(id: $id, reason: "撤并") { id archived { reason } householdCount } }';
  expect((await ok(ARCHIVE_COMMUNITY, { id: ids.community })).archiveCommunity).toMatchObject({ archived: { reason: '撤并' }, householdCount: 1 });
  await refused(CREATE_GRID, { input: { code: 'ZB-XC-02', name: '新城第二网格', level: 'GRID', communityId: ids.community, leaderName: '赵' } }, 'CONFLICT', 'communityId');
  await refused(REGISTER_HOUSEHOLD, { input: { fileNumber: 'XC0101004', tenure: 'OWNED', gridId: ids.grid, unitId: ids.spareUnit } }, 'CONFLICT', 'gridId');
  await refused(CREATE_ESTATE, { input: { name: '新城二期', address: '张北县新城路2号', communityId: ids.community } }, 'CONFLICT', 'communityId', propertyClerk);
  expect((await ok(COUNTS, { id: ids.community })).community).toEqual({ householdCount: 1, population: 2, archived: { reason: '撤并' } });
});

test("the seeded community's counts are the registry's own: a recount changes nothing", async () => {
  const civil = world['civil-affairs']!;
  const households = civil.Household!.filter((h) => h.communityId === seededCommunity).length;
  const householdIds = new Set(civil.Household!.filter((h) => h.communityId === seededCommunity).map((h) => h._id));
  const population = civil.Resident!.filter((r) => householdIds.has(String(r.householdId))).length;
  // Registrations above added none here; the figures must equal what the seed wrote.
  expect((await ok(COUNTS, { id: seededCommunity })).community).toMatchObject({ householdCount: households, population });
  const recounted = (await ok('mutation($id: ID!) { recountCommunity(id: $id) { householdCount population } }', { id: seededCommunity })).recountCommunity;
  expect(recounted).toEqual({ householdCount: households, population });
});

test('fallback service before a contract is recorded, then charged when the contract is signed (先服务后收费)', async () => {
  const estate = (await ok(CREATE_ESTATE, { input: { name: '义合美新城四区', address: '张北县义合美新城南街4号', communityId: seededCommunity } }, propertyClerk)).createEstate.id;
  const regular = world.property!.PropertyCompany!.find((c) => !c.isFallbackProvider)!._id;
  const fallback = world.property!.PropertyCompany!.find((c) => c.isFallbackProvider)!._id;
  const RECORD = 'mutation($input: RecordFallbackServiceInput!) { recordFallbackService(input: $input) { id amountFen charged contract { id } } }';
  const SIGN =
    'mutation($input: SignPropertyServiceContractInput!) { signPropertyServiceContract(input: $input) { id backChargeFen chargedServiceCount propertyCompany { id } estate { propertyCompany { id } currentContract { id } unchargedFallbackService { count amountFen } managementHistory { action } } } }';
  await refused(RECORD, { input: { estateId: estate, serviceOn: '2026-02-01', description: '楼道清扫', amountFen: 50_000 } }, 'CONFLICT', 'estateId', propertyClerk);
  await ok(
    'mutation($input: AssignFallbackProviderInput!) { assignFallbackProvider(input: $input) { id } }',
    { input: { estateId: estate, effectiveOn: '2026-01-15' } },
    propertyClerk,
  );
  await refused(RECORD, { input: { estateId: estate, serviceOn: '2026-01-01', description: '楼道清扫', amountFen: 50_000 } }, 'BAD_USER_INPUT', 'serviceOn', propertyClerk);
  await refused(RECORD, { input: { estateId: estate, serviceOn: '2026-02-01', description: '楼道清扫', amountFen: -1 } }, 'BAD_USER_INPUT', 'amountFen', propertyClerk);
  const services = [];
  for (const [serviceOn, amountFen] of [
    ['2026-02-01', 50_000],
    ['2026-03-01', 30_000],
  ] as const) {
    services.push((await ok(RECORD, { input: { estateId: estate, serviceOn, description: '楼道清扫、垃圾清运', amountFen } }, propertyClerk)).recordFallbackService);
  }
  expect(services.map((s) => s.charged)).toEqual([false, false]);

  const terms = { estateId: estate, signedOn: '2026-05-20', startOn: '2026-06-01', endOn: '2029-05-31', monthlyFeeFen: 1_200_000 };
  await refused(SIGN, { input: { ...terms, propertyCompanyId: regular } }, 'CONFLICT', 'propertyCompanyId', propertyClerk);
  await refused(SIGN, { input: { ...terms, propertyCompanyId: fallback, endOn: '2026-01-01' } }, 'BAD_USER_INPUT', 'endOn', propertyClerk);
  await refused(SIGN, { input: { ...terms, propertyCompanyId: fallback } }, 'FORBIDDEN', undefined, { as: 'property-staff' });
  const signed = (await ok(SIGN, { input: { ...terms, propertyCompanyId: fallback, idempotencyKey: 'contract-0001' } }, propertyClerk)).signPropertyServiceContract;
  expect(signed).toMatchObject({ backChargeFen: 80_000, chargedServiceCount: 2, propertyCompany: { id: fallback } });
  expect(signed.estate).toMatchObject({ propertyCompany: { id: fallback }, currentContract: { id: signed.id }, unchargedFallbackService: { count: 0, amountFen: 0 } });
  expect(signed.estate.managementHistory.map((e: { action: string }) => e.action)).toEqual(['FALLBACK_TAKEOVER', 'CONTRACTED']);
  const retry = (await ok(SIGN, { input: { ...terms, propertyCompanyId: fallback, idempotencyKey: 'contract-0001' } }, propertyClerk)).signPropertyServiceContract;
  expect(retry).toMatchObject({ id: signed.id, backChargeFen: 80_000 });
  expect(retry.estate.managementHistory).toHaveLength(2);

  const charged = await ok('query($c: ID!) { fallbackServices(filter: { contractId: $c }) { totalCount edges { node { charged chargedOn contract { id } } } } }', { c: signed.id });
  expect(charged.fallbackServices.totalCount).toBe(2);
  expect(charged.fallbackServices.edges.map((e: any) => e.node)).toEqual(Array(2).fill({ charged: true, chargedOn: '2026-05-20', contract: { id: signed.id } }));
  await refused(RECORD, { input: { estateId: estate, serviceOn: '2026-07-01', description: '楼道清扫', amountFen: 10_000 } }, 'CONFLICT', 'serviceOn', propertyClerk);
  await refused(SIGN, { input: { ...terms, propertyCompanyId: fallback, startOn: '2027-01-01', endOn: undefined } }, 'CONFLICT', 'startOn', propertyClerk);
});

test('the 1+3+N roster grows: a heating company joins the "N", refused input changes nothing, an archived unit stays readable', async () => {
  const secretary = { as: 'party-secretary' };
  const CREATE = 'mutation($input: CreateResponseUnitInput!) { createResponseUnit(input: $input) { id name kind department categories community { id } archived { at } } }';
  const heating = { name: '张北县热力公司', kind: 'JOINT_BUILDING', department: 'joint-unit:heating', communityId: seededCommunity, categories: ['HEATING'] };
  const party = ['party'];
  await refused(CREATE, { input: { ...heating, categories: [] } }, 'BAD_USER_INPUT', 'categories', secretary, party);
  await refused(CREATE, { input: { ...heating, department: 'Water Company' } }, 'BAD_USER_INPUT', 'department', secretary, party);
  await refused(CREATE, { input: { ...heating, kind: 'PROPERTY' } }, 'BAD_USER_INPUT', 'propertyCompanyId', secretary, party);
  await refused(CREATE, { input: { ...heating, communityId: 'ab'.repeat(12) } }, 'FORBIDDEN', 'communityId', secretary, party);
  await refused(CREATE, { input: heating }, 'FORBIDDEN', undefined, { as: 'property-staff' }, party);
  const unit = (await ok(CREATE, { input: heating }, secretary)).createResponseUnit;
  expect(unit).toMatchObject({ name: '张北县热力公司', kind: 'JOINT_BUILDING', categories: ['HEATING'], community: { id: seededCommunity }, archived: null });
  await refused(CREATE, { input: { ...heating, name: '另一热力公司' } }, 'CONFLICT', 'department', secretary, party);
  const roster = await ok('query($c: ID!) { responseUnits(communityId: $c, kind: JOINT_BUILDING) { id } }', { c: seededCommunity });
  expect(roster.responseUnits.map((u: { id: string }) => u.id)).toContain(unit.id);

  const updated = await ok('mutation($id: ID!) { updateResponseUnit(id: $id, input: { categories: [HEATING, GAS] }) { categories } }', { id: unit.id }, secretary);
  expect(updated.updateResponseUnit.categories).toEqual(['HEATING', 'GAS']);
  const archived = await ok('mutation($id: ID!) { archiveResponseUnit(id: $id, reason: "合并") { archived { by reason } } }', { id: unit.id }, secretary);
  expect(archived.archiveResponseUnit.archived).toEqual({ by: 'demo-party-secretary', reason: '合并' });
  await refused('mutation($id: ID!) { updateResponseUnit(id: $id, input: { name: "x" }) { id } }', { id: unit.id }, 'CONFLICT', 'id', secretary, party);
  const after = await ok('query($c: ID!) { responseUnits(communityId: $c, kind: JOINT_BUILDING) { id archived { reason } } }', { c: seededCommunity });
  expect(after.responseUnits.find((u: { id: string }) => u.id === unit.id)).toEqual({ id: unit.id, archived: { reason: '合并' } });
});
