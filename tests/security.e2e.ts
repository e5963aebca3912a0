import { decide, effectiveRule, listSubgraphs, loadTypeDefs, maskValue, policyFromDocument, PURPOSES, stableId, type Policy, type World } from '@cg/kit';
import { buildWorld, startStack, type Stack } from '@cg/kit/testing';

// Who sees what, through the gateway with real tokens: the role × field matrix against the SDL policy, row scope,
// partial answers, and an access record for every sensitive read.
let stack: Stack;
let world: World;
const policies: Record<string, Policy> = Object.fromEntries(listSubgraphs().map((e) => [e.name, policyFromDocument(loadTypeDefs(e.schemaPath))]));
const DEMO_ROLE: Record<string, string> = {
  GRID_WORKER: 'grid-worker',
  PARTY_SECRETARY: 'party-secretary',
  DEPARTMENT_CLERK: 'civil-affairs-clerk',
  PROPERTY_STAFF: 'property-staff',
  AUDITOR: 'auditor',
};
const DEPARTMENT: Record<string, string> = {
  GRID_WORKER: 'civil-affairs',
  PARTY_SECRETARY: 'party',
  DEPARTMENT_CLERK: 'civil-affairs',
  PROPERTY_STAFF: 'property',
  AUDITOR: 'joint-unit',
};
const GRID1 = stableId('grid', 'ZB-YHM-01');
const GRID2 = stableId('grid', 'ZB-YHM-02');
const docs = (dept: string, model: string) => world[dept]![model]!;

/** A resident of grid 1 with every sensitive field present: phone, party membership, employment record. */
function subjectResident() {
  const members = new Map(docs('party', 'PartyMember').map((m) => [m.residentId, m]));
  const records = new Map(docs('employment', 'EmploymentRecord').map((r) => [r.residentId, r]));
  const r = docs('civil-affairs', 'Resident').find((x) => x.gridId === GRID1 && x.phone && members.has(x._id) && records.has(x._id))!;
  return {
    r,
    member: members.get(r._id)!,
    record: records.get(r._id)!,
    household: docs('civil-affairs', 'Household').find((h) => h._id === r.householdId)!,
    grid: docs('civil-affairs', 'Grid').find((g) => g._id === GRID1)!,
  };
}

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
}, 120_000);
afterAll(() => stack.stop());

const errorAt = (errors: any[] | undefined, path: Array<string | number>) => errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));

test('every role × sensitive field × purpose gets what the SDL policy says, and each sensitive read leaves an access record', async () => {
  const { r, member, record, household, grid } = subjectResident();
  const query = `query Matrix($id: ID!) { resident(id: $id) { id name idNumber phone birthDate household { originVillage } grid { leaderName } partyMembership { category } employmentStatus { status } } }`;
  // [department, type, field, path under resident, stored value, value's own path when the field is an object]
  const cells: Array<[string, string, string, string[], unknown, string?]> = [
    ['civil-affairs', 'Resident', 'name', ['name'], r.name],
    ['civil-affairs', 'Resident', 'idNumber', ['idNumber'], r.idNumber],
    ['civil-affairs', 'Resident', 'phone', ['phone'], r.phone],
    ['civil-affairs', 'Resident', 'birthDate', ['birthDate'], r.birthDate],
    ['civil-affairs', 'Household', 'originVillage', ['household', 'originVillage'], household.originVillage],
    ['civil-affairs', 'Grid', 'leaderName', ['grid', 'leaderName'], grid.leaderName],
    ['party', 'Resident', 'partyMembership', ['partyMembership'], member.category, 'category'],
    ['employment', 'Resident', 'employmentStatus', ['employmentStatus'], record.status, 'status'],
  ];
  const readers: Array<{ requestId: string; role: string; purpose?: string; fields: string[] }> = [];
  let n = 0;
  for (const role of Object.keys(DEMO_ROLE)) {
    for (const purpose of [undefined, ...PURPOSES]) {
      const identity = { role, department: DEPARTMENT[role]!, purpose };
      const requestId = `matrix-${role}-${purpose ?? 'none'}-${n++}`;
      const { data, errors } = await stack.query(query, { id: r._id }, { as: DEMO_ROLE[role]!, purpose, headers: { 'x-request-id': requestId } });
      const gate = decide(policies['civil-affairs']!.get('Resident')!.rule, identity);
      if (gate !== 'full') {
        expect({ role, purpose, resident: data?.resident, code: errorAt(errors, ['resident'])?.extensions.code }).toEqual({ role, purpose, resident: null, code: 'FORBIDDEN' });
        continue;
      }
      const read: string[] = [];
      for (const [department, type, field, path, stored, inner] of cells) {
        const rule = effectiveRule(policies[department]!, type, field);
        const decision = decide(rule, identity);
        const actual = path.reduce((v: any, k) => v?.[k], data.resident);
        const where = { role, purpose, field: `${type}.${field}` };
        if (decision === 'denied') {
          expect({ ...where, actual, code: errorAt(errors, ['resident', ...path])?.extensions.code }).toEqual({ ...where, actual: null, code: 'FORBIDDEN' });
          continue;
        }
        const expected = decision === 'masked' ? maskValue(rule!.data!, stored) : stored;
        expect({ ...where, value: inner ? actual?.[inner] : actual }).toEqual({ ...where, value: expected });
        if (decision === 'masked') expect(expected).not.toBe(stored);
        if (department === 'civil-affairs') read.push(`${type}.${field}`);
      }
      readers.push({ requestId, role, purpose, fields: read });
    }
  }
  expect(readers.length).toBeGreaterThan(0);

  const { data, errors } = await stack.query(
    '{ civilAffairsAuditRecords(first: 100) { totalCount edges { node { requestId subject role department purpose operationName entityIds fields answeredBy } } } }',
    {},
    { as: 'auditor' },
  );
  expect(errors).toBeUndefined();
  const byRequest = new Map(data.civilAffairsAuditRecords.edges.map((e: any) => [e.node.requestId, e.node]));
  for (const reader of readers) {
    const audit: any = byRequest.get(reader.requestId);
    expect({ requestId: reader.requestId, found: Boolean(audit) }).toEqual({ requestId: reader.requestId, found: true });
    expect(audit).toMatchObject({ role: reader.role, purpose: reader.purpose ?? null, department: DEPARTMENT[reader.role], answeredBy: 'civil-affairs' });
    expect(audit.operationName).toMatch(/^Matrix/);
    expect(audit.fields).toEqual(expect.arrayContaining(reader.fields));
    expect(audit.entityIds).toContain(r._id);
  }
  // Party and employment keep their own records of the membership and employment reads.
  const party = await stack.query(`{ partyAuditRecords(entityId: "${r._id}", first: 100) { totalCount edges { node { fields } } } }`, {}, { as: 'auditor' });
  const partyReaders = readers.filter((x) => decide(effectiveRule(policies.party!, 'Resident', 'partyMembership'), { role: x.role, department: DEPARTMENT[x.role]! }) !== 'denied');
  expect(partyReaders.length).toBeGreaterThan(0);
  expect(party.data.partyAuditRecords.totalCount).toBe(partyReaders.length);
  expect(party.data.partyAuditRecords.edges[0].node.fields).toEqual(['Resident.partyMembership']);
}, 60_000);

test('a grid worker sees only the residents of their own grids', async () => {
  const other = docs('civil-affairs', 'Resident').find((x) => x.gridId === GRID2)!;
  const own = docs('civil-affairs', 'Resident').find((x) => x.gridId === GRID1)!;
  const mine = await stack.query(`{ resident(id: "${own._id}") { id birthDate } }`, {}, { as: 'grid-worker' });
  expect(mine).toEqual({ data: { resident: { id: own._id, birthDate: own.birthDate } } });

  const theirs = await stack.query(`{ resident(id: "${other._id}") { id birthDate } }`, {}, { as: 'grid-worker' });
  expect(theirs.data?.resident).toBeNull();
  expect(theirs.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'scope' });

  const lists = await stack.query(
    `{ a: grid(id: "${GRID1}") { residents { totalCount } } b: grid(id: "${GRID2}") { code residents { totalCount edges { node { id } } } } }`,
    {},
    { as: 'grid-worker' },
  );
  expect(lists.errors).toBeUndefined();
  expect(lists.data.a.residents.totalCount).toBe(docs('civil-affairs', 'Resident').filter((x) => x.gridId === GRID1).length);
  expect(lists.data.b).toEqual({ code: 'ZB-YHM-02', residents: { totalCount: 0, edges: [] } });

  // Reached from another department (a party member's resident, through _entities), the scope holds too.
  const member = docs('party', 'PartyMember').find((m) => docs('civil-affairs', 'Resident').find((x) => x._id === m.residentId)!.gridId === GRID2)!;
  const viaParty = await stack.query(`{ partyMember(id: "${member._id}") { category resident { id birthDate } } }`, {}, { as: 'grid-worker' });
  expect(viaParty.data.partyMember.category).toBe(member.category);
  // Party holds only the reference (the id); every field civil affairs owns is withheld.
  expect(viaParty.data.partyMember.resident).toEqual({ id: member.residentId, birthDate: null });
  expect(viaParty.errors?.some((e: any) => e.extensions?.code === 'FORBIDDEN')).toBe(true);

  // A clerk covering the whole department sees both.
  const clerk = await stack.query(`{ resident(id: "${other._id}") { id } }`);
  expect(clerk).toEqual({ data: { resident: { id: other._id } } });
});

test('a forbidden field comes back null with FORBIDDEN while the rest of the answer arrives', async () => {
  const { r, household } = subjectResident();
  const { data, errors } = await stack.query(`{ resident(id: "${r._id}") { idNumber phone household { fileNumber } } }`, {}, { as: 'property-staff' });
  expect(data.resident).toEqual({ idNumber: null, phone: maskValue('PHONE', r.phone), household: { fileNumber: household.fileNumber } });
  expect(errors).toHaveLength(1);
  expect(errors![0]).toMatchObject({ path: ['resident', 'idNumber'], extensions: { code: 'FORBIDDEN' } });
});

test('without a token nothing: 401 UNAUTHENTICATED before the operation is even parsed; health, metrics and GraphiQL stay open', async () => {
  const { r } = subjectResident();
  const origin = new URL(stack.gatewayUrl).origin;
  for (const query of [
    `{ grid(id: "${GRID1}") { code } resident(id: "${r._id}") { name } }`,
    '{ __schema { types { name } } }',
    '{ no such operation',
    'mutation { createGrid(input: {}) { id } }',
  ]) {
    const { status, body } = await stack.post(query, {}, { as: null });
    expect({ query, status, data: body.data, code: body.errors?.[0]?.extensions?.code }).toEqual({ query, status: 401, data: undefined, code: 'UNAUTHENTICATED' });
    expect(body.errors![0].message).toMatch(/Authorization: Bearer/);
  }
  for (const open of ['/health/live', '/health/ready', '/metrics']) expect({ open, status: (await fetch(`${origin}${open}`)).status }).toEqual({ open, status: 200 });
  const page = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
  expect({ status: page.status, type: page.headers.get('content-type') }).toEqual({ status: 200, type: expect.stringMatching(/text\/html/) });
});

test('a token claiming the role SERVICE (departments asking each other) is refused', async () => {
  const { status, body } = await stack.post(`{ grid(id: "${GRID1}") { code } }`, {}, { token: await stack.token('civil-affairs-clerk', { role: 'SERVICE' }) });
  expect({ status, code: body.errors?.[0]?.extensions?.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
});

test('bad, expired, foreign and malformed tokens are refused with 401 before anything runs', async () => {
  const q = `{ grid(id: "${GRID1}") { code } }`;
  const expired = await stack.token('civil-affairs-clerk', { expiresIn: Math.floor(Date.now() / 1000) - 60 });
  const badClaims = await stack.token('civil-affairs-clerk', { role: 'root' });
  const valid = await stack.token('civil-affairs-clerk');
  const [header, payload] = valid.split('.');
  const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'AUDITOR' })).toString('base64url')}.${valid.split('.')[2]}`;
  for (const [token, message] of [
    ['not-a-jwt', /Bearer/],
    ['a.b.c', /not valid/],
    [expired, /expired/],
    [badClaims, /role/],
    [forged, /not valid/],
  ] as const) {
    const { status, body } = await stack.post(q, {}, { headers: { authorization: `Bearer ${token}` } });
    expect({ status, code: body.errors?.[0]?.extensions?.code, data: body.data }).toEqual({ status: 401, code: 'UNAUTHENTICATED', data: undefined });
    expect(body.errors![0].message).toMatch(message);
  }
  const ok = await stack.post(q, {}, { token: valid });
  expect(ok.status).toBe(200);
});

test('only auditors read access records', async () => {
  for (const [as, code] of [
    ['civil-affairs-clerk', 'FORBIDDEN'],
    ['grid-worker', 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ] as const) {
    const { data, errors } = await stack.query('{ propertyAuditRecords { totalCount } }', {}, { as });
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe(code);
  }
  const bad = await stack.query('{ civilAffairsAuditRecords(from: "yesterday") { totalCount } }', {}, { as: 'auditor' });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
});

test('reading fields that hold no personal data writes no access record', async () => {
  const before = (await stack.query('{ civilAffairsAuditRecords { totalCount } }', {}, { as: 'auditor' })).data.civilAffairsAuditRecords.totalCount;
  const places = await stack.query(`{ grid(id: "${GRID1}") { code name community { name } } }`);
  expect(places.errors).toBeUndefined();
  const after = (await stack.query('{ civilAffairsAuditRecords { totalCount } }', {}, { as: 'auditor' })).data.civilAffairsAuditRecords.totalCount;
  expect(after).toBe(before);
});
