import type { Model } from 'mongoose';
import { stableId, type World } from '@cg/kit';
import { buildWorld, expectError, snapshot, startStack, type QueryOptions, type Stack } from '@cg/kit/testing';

// Fallback takeover, committees, cross-appointments and patrols through the gateway: each refused input writes nothing.
let stack: Stack;
let world: World;
let models: Record<string, Model<any>>;
const communityId = stableId('community', '义合美新城社区');
const estateOne = stableId('estate', '义合美新城一区');
let residents: string[];

beforeAll(async () => {
  world = await buildWorld('small');
  residents = world['civil-affairs']!.Resident!.slice(0, 2).map((r) => r._id);
  // Estates, committees and cross-appointments are the community's and the housing office's work; patrols the steward's.
  stack = await startStack({ as: 'party-secretary' });
  models = stack.departments.property!.models;
}, 120_000);
afterAll(() => stack.stop());

async function refused(mutation: string, input: Record<string, unknown>, code: string, field: string, options: QueryOptions = {}) {
  const before = await snapshot(stack, ['property']);
  const result = await stack.query(mutation, { input }, options);
  expect(result.data ?? null).toBeNull();
  expectError(result, code, field);
  expect(await snapshot(stack, ['property'])).toBe(before);
}

const ASSIGN =
  'mutation($input: AssignFallbackProviderInput!) { assignFallbackProvider(input: $input) { id managedSince propertyCompany { id isFallbackProvider } managementHistory { action effectiveOn propertyCompany { id } } } }';
const END = 'mutation($input: EndEstateManagementInput!) { endEstateManagement(input: $input) { id propertyCompany { id } managementHistory { action } } }';

test('the fallback provider takes over an unmanaged estate once; managed estates, other companies and bad dates are refused', async () => {
  const estate = world.property!.Estate!.find((e) => !e.propertyCompanyId)!;
  const regular = world.property!.PropertyCompany!.find((c) => !c.isFallbackProvider)!;
  const fallback = world.property!.PropertyCompany!.find((c) => c.isFallbackProvider)!;
  const lastChange = (estate.managementHistory as Array<{ effectiveOn: string }>).at(-1)!.effectiveOn;
  await refused(ASSIGN, { estateId: estateOne, effectiveOn: '2026-11-01' }, 'CONFLICT', 'estateId');
  await refused(ASSIGN, { estateId: estate._id, propertyCompanyId: regular._id, effectiveOn: '2026-11-01' }, 'BAD_USER_INPUT', 'propertyCompanyId');
  await refused(ASSIGN, { estateId: estate._id, effectiveOn: '2026-02-30' }, 'BAD_USER_INPUT', 'effectiveOn');
  await refused(ASSIGN, { estateId: estate._id, effectiveOn: '2000-01-01' }, 'BAD_USER_INPUT', 'effectiveOn');
  await refused(ASSIGN, { estateId: 'ab'.repeat(12), effectiveOn: '2026-11-01' }, 'NOT_FOUND', 'estateId');
  expect(lastChange < '2026-11-01').toBe(true);

  const { data, errors } = await stack.query(ASSIGN, { input: { estateId: estate._id, effectiveOn: '2026-11-01', note: '先服务、后收费' } });
  expect(errors).toBeUndefined();
  expect(data.assignFallbackProvider).toMatchObject({ managedSince: '2026-11-01', propertyCompany: { id: fallback._id, isFallbackProvider: true } });
  expect(data.assignFallbackProvider.managementHistory.at(-1)).toEqual({ action: 'FALLBACK_TAKEOVER', effectiveOn: '2026-11-01', propertyCompany: { id: fallback._id } });
  await refused(ASSIGN, { estateId: estate._id, effectiveOn: '2026-11-02' }, 'CONFLICT', 'estateId');

  const ended = await stack.query(END, { input: { estateId: estate._id, effectiveOn: '2026-11-05' } });
  expect(ended.data.endEstateManagement.propertyCompany).toBeNull();
  expect(ended.data.endEstateManagement.managementHistory.at(-1).action).toBe('ENDED');
  await refused(END, { estateId: estate._id, effectiveOn: '2026-11-06' }, 'CONFLICT', 'estateId');
});

const COMMITTEE =
  'mutation($input: CreateOwnersCommitteeInput!) { createOwnersCommittee(input: $input) { id kind memberCount building { id } estate { ownersCommittees(first: 100) { edges { node { id } } } } members { role resident { id } } } }';
const committee = (input: Record<string, unknown> = {}) => ({
  kind: 'OWNERS_COMMITTEE',
  name: '义合美新城一区第二届业主委员会',
  estateId: estateOne,
  termStart: '2026-01-01',
  termEnd: '2030-12-31',
  members: [
    { residentId: residents[0], role: 'DIRECTOR' },
    { residentId: residents[1], role: 'MEMBER' },
  ],
  ...input,
});

test("owners' committees: members must be residents, terms in order, at most one chair, buildings in the estate", async () => {
  const otherEstateBuilding = world.property!.Building!.find((b) => b.estateId !== estateOne)!;
  await refused(
    COMMITTEE,
    committee({
      members: [
        { residentId: residents[0], role: 'DIRECTOR' },
        { residentId: 'ab'.repeat(12), role: 'MEMBER' },
      ],
    }),
    'NOT_FOUND',
    'members',
  );
  await refused(COMMITTEE, committee({ termEnd: '2025-12-31' }), 'BAD_USER_INPUT', 'termEnd');
  await refused(COMMITTEE, committee({ members: residents.map((residentId) => ({ residentId, role: 'DIRECTOR' })) }), 'BAD_USER_INPUT', 'members');
  await refused(
    COMMITTEE,
    committee({
      members: [
        { residentId: residents[0], role: 'MEMBER' },
        { residentId: residents[0], role: 'MEMBER' },
      ],
    }),
    'BAD_USER_INPUT',
    'members',
  );
  await refused(COMMITTEE, committee({ members: [] }), 'BAD_USER_INPUT', 'members');
  await refused(COMMITTEE, committee({ kind: 'BUILDING_COMMITTEE' }), 'BAD_USER_INPUT', 'buildingId');
  await refused(COMMITTEE, committee({ kind: 'BUILDING_COMMITTEE', buildingId: otherEstateBuilding._id }), 'BAD_USER_INPUT', 'buildingId');

  const { data, errors } = await stack.query(COMMITTEE, { input: committee({ idempotencyKey: 'committee-0001' }) });
  expect(errors).toBeUndefined();
  expect(data.createOwnersCommittee).toMatchObject({
    kind: 'OWNERS_COMMITTEE',
    memberCount: 2,
    building: null,
    members: [
      { role: 'DIRECTOR', resident: { id: residents[0] } },
      { role: 'MEMBER', resident: { id: residents[1] } },
    ],
  });
  expect(data.createOwnersCommittee.estate.ownersCommittees.edges.map((c: any) => c.node.id)).toContain(data.createOwnersCommittee.id);
  const retry = await stack.query(COMMITTEE, { input: committee({ idempotencyKey: 'committee-0001' }) });
  expect(retry.data.createOwnersCommittee.id).toBe(data.createOwnersCommittee.id);
});

const APPOINT =
  'mutation($input: CreateCrossAppointmentInput!) { createCrossAppointment(input: $input) { id phone personName direction community { id } propertyCompany { id } resident { id } } }';
const appointment = (input: Record<string, unknown> = {}) => ({
  personName: '王建国',
  phone: '+86 139-1234-5678',
  direction: 'COMMUNITY_TO_COMPANY',
  communityId,
  communityPost: '社区党委委员',
  propertyCompanyId: world.property!.PropertyCompany![0]!._id,
  companyPost: '物业党建指导员',
  startOn: '2026-03-01',
  ...input,
});

test('cross-appointments: a mainland mobile, dates in order, a known community and resident', async () => {
  await refused(APPOINT, appointment({ phone: '12345' }), 'BAD_USER_INPUT', 'phone');
  await refused(APPOINT, appointment({ endOn: '2026-02-28' }), 'BAD_USER_INPUT', 'endOn');
  await refused(APPOINT, appointment({ communityId: 'ab'.repeat(12) }), 'NOT_FOUND', 'communityId');
  await refused(APPOINT, appointment({ residentId: 'ab'.repeat(12) }), 'NOT_FOUND', 'residentId');
  await refused(APPOINT, appointment({ propertyCompanyId: 'ab'.repeat(12) }), 'NOT_FOUND', 'propertyCompanyId');
  const { data, errors } = await stack.query(APPOINT, { input: appointment({ residentId: residents[0], endOn: '2027-02-28' }) });
  expect(errors).toBeUndefined();
  expect(data.createCrossAppointment).toMatchObject({ phone: '139****5678', personName: '王**', community: { id: communityId }, resident: { id: residents[0] } });
  expect((await models.CrossAppointment!.findById(data.createCrossAppointment.id).lean<any>()).phone).toBe('13912345678');
});

const PATROL =
  'mutation($input: RecordEstatePatrolInput!) { recordEstatePatrol(input: $input) { id onSchedule openIssueCount issues { id resolved building { id } unit { id } } } }';

test('patrols: places inside the estate, times in order, not in the future, one per estate and day; issues resolve once', async () => {
  const building = world.property!.Building!.find((b) => b.estateId === estateOne)!;
  const unit = world.property!.Unit!.find((u) => u.buildingId === building._id)!;
  const elsewhere = world.property!.Building!.find((b) => b.estateId !== estateOne)!;
  const steward = { as: 'property-staff' };
  const patrol = (input: Record<string, unknown> = {}) => ({
    estateId: estateOne,
    date: '2025-05-20',
    stewardName: '李网格',
    stewardPhone: '13812345678',
    gridId: building.gridId,
    startTime: '08:30',
    endTime: '09:25',
    issues: [
      { category: 'FIRE_EQUIPMENT', description: '灭火器过期', unitId: unit._id },
      { category: 'SANITATION', description: '垃圾桶满溢', buildingId: building._id, resolved: true },
    ],
    ...input,
  });
  await refused(PATROL, patrol({ issues: [{ category: 'LIGHTING', description: '路灯不亮', buildingId: elsewhere._id }] }), 'BAD_USER_INPUT', 'issues.0.buildingId', steward);
  await refused(PATROL, patrol({ endTime: '08:00' }), 'BAD_USER_INPUT', 'endTime', steward);
  await refused(PATROL, patrol({ startTime: '8:30' }), 'BAD_USER_INPUT', 'startTime', steward);
  await refused(PATROL, patrol({ date: '2999-01-01' }), 'BAD_USER_INPUT', 'date', steward);
  await refused(PATROL, patrol({ stewardPhone: '010-1234' }), 'BAD_USER_INPUT', 'stewardPhone', steward);
  await refused(PATROL, patrol({ gridId: 'ab'.repeat(12) }), 'NOT_FOUND', 'gridId', steward);

  const { data, errors } = await stack.query(PATROL, { input: patrol() }, steward);
  expect(errors).toBeUndefined();
  const recorded = data.recordEstatePatrol;
  expect(recorded).toMatchObject({ onSchedule: true, openIssueCount: 1 });
  expect(recorded.issues[0]).toMatchObject({ resolved: false, building: { id: building._id }, unit: { id: unit._id } }); // the unit's building
  await refused(PATROL, patrol({ startTime: '09:00', endTime: '10:00' }), 'CONFLICT', 'date', steward);

  const coverage = await stack.query(`{ patrolCoverage(date: "2025-05-20") { patrolledCount unpatrolledEstates { id } } }`);
  expect(coverage.data.patrolCoverage.patrolledCount).toBe(1);
  expect(coverage.data.patrolCoverage.unpatrolledEstates.map((e: any) => e.id)).not.toContain(estateOne);

  const resolve = `mutation { resolvePatrolIssue(patrolId: "${recorded.id}", issueId: "${recorded.issues[0].id}", note: "已更换") { openIssueCount issues { resolved } } }`;
  const results = await Promise.all([stack.query(resolve, {}, steward), stack.query(resolve, {}, steward)]);
  expect(results.filter((r) => r.data?.resolvePatrolIssue?.openIssueCount === 0)).toHaveLength(1);
  expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
  expect((await models.EstatePatrol!.findById(recorded.id).lean<any>()).openIssueCount).toBe(0);
});
