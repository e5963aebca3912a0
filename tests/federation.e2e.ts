import { maskIdNumber, stableId, type World } from '@cg/kit';
import { exampleOperation } from '@cg/gateway/examples';
import { buildWorld, postGraphQL, startStack, type Stack } from '@cg/kit/testing';

// Real servers on free ports, real database, the README's query through the gateway over HTTP.
let stack: Stack;
let world: World;
const byId = (department: string, model: string, id: unknown) => world[department]![model]!.find((d) => d._id === id)!;

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
}, 120_000);
afterAll(() => stack.stop());

test('the example query walks resident → household → dwelling → estate → company → grid → branch → members → employment', async () => {
  const { query } = exampleOperation('docs/example-query.graphql');
  const residentId = stableId('resident', 'YHM0101000', 0);
  const { data, errors } = await stack.query(query, { id: residentId });
  expect(errors).toBeUndefined();

  const resident = byId('civil-affairs', 'Resident', residentId);
  const household = byId('civil-affairs', 'Household', resident.householdId);
  const unit = byId('property', 'Unit', household.unitId);
  const building = byId('property', 'Building', unit.buildingId);
  const estate = byId('property', 'Estate', building.estateId);
  const company = byId('property', 'PropertyCompany', estate.propertyCompanyId);
  const grid = byId('civil-affairs', 'Grid', building.gridId);
  const branch = world.party!.PartyOrganization!.find((o) => o.level === 'BRANCH' && (o.coveredGridIds as string[]).includes(grid._id))!;
  const members = world.party!.PartyMember!.filter((m) => m.organizationId === branch._id);
  const record = world.employment!.EmploymentRecord!.find((r) => r.residentId === residentId);

  const r = data.resident;
  expect(r.idNumber).toBe(maskIdNumber(resident.idNumber as string));
  expect(r.household.fileNumber).toBe(household.fileNumber);
  expect(r.household.dwelling.label).toBe(`${building.number}${unit.entrance}${unit.room}`);
  expect(r.household.dwelling.building.estate).toEqual({ name: estate.name, propertyCompany: { name: company.name, isFallbackProvider: company.isFallbackProvider } });
  expect(r.household.dwelling.building.grid.code).toBe(grid.code);
  expect(r.household.dwelling.building.grid.partyBranch.name).toBe(branch.name);
  expect(r.household.dwelling.building.grid.partyBranch.members.totalCount).toBe(members.length);
  expect(r.household.dwelling.building.grid.partyBranch.members.edges).toHaveLength(Math.min(10, members.length));
  expect(members.length).toBeGreaterThan(0);
  const memberStatuses = r.household.dwelling.building.grid.partyBranch.members.edges.map(({ node: m }: any) => m.resident.employmentStatus?.status ?? null);
  expect(memberStatuses.filter(Boolean).length).toBeGreaterThan(0);
  expect(r.employmentStatus?.status ?? null).toBe(record?.status ?? null);
});

test('a malformed id is a typed BAD_USER_INPUT error, an unknown one is null', async () => {
  const bad = await stack.query('{ resident(id: "not-an-id") { name } }');
  expect(bad.data?.resident).toBeNull();
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const missing = await stack.query(`{ resident(id: "${'0'.repeat(24)}") { name } }`);
  expect(missing).toEqual({ data: { resident: null } });
});

test('_entities refuses an operator object where an id belongs and returns no data', async () => {
  const { body } = await postGraphQL(stack.departments['civil-affairs']!.url, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id name } } }', {
    r: [{ __typename: 'Resident', id: { $ne: null } }],
  });
  expect(body.data ?? null).toBeNull();
  expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('each department answers only its own fields: property lists the buildings of a grid', async () => {
  const gridId = stableId('grid', 'ZB-YHM-02');
  const { data, errors } = await stack.query(
    `{ grid(id: "${gridId}") { code buildings(first: 100) { totalCount edges { node { number estate { name } } } } partyBranch { name } } }`,
  );
  expect(errors).toBeUndefined();
  const expected = world
    .property!.Building!.filter((b) => b.gridId === gridId)
    .map((b) => b.number)
    .sort();
  expect(data.grid.buildings.edges.map((b: any) => b.node.number).sort()).toEqual(expected);
  expect(data.grid.buildings.totalCount).toBe(expected.length);
  expect(data.grid.partyBranch.name).toBe('义合美新城第2网格党支部');
});

test('a department that is down costs only its own fields', async () => {
  await stack.departments.employment!.stop();
  const residentId = stableId('resident', 'YHM0101000', 0);
  const { data, errors } = await stack.query(`{ resident(id: "${residentId}") { idNumber household { fileNumber } employmentStatus { status } } }`);
  expect(data.resident.household.fileNumber).toBe('YHM0101000');
  expect(data.resident.employmentStatus).toBeNull();
  expect(errors?.length).toBeGreaterThan(0);
});
