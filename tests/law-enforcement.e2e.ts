import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parse } from 'graphql';
import { signedHeaders, stableId, type Identity } from '@cg/kit';
import { repositoryServices, formatResult, runConformance } from '@cg/kit/conformance';
import { PROTOCOL_CHECKS } from './support/conformance';
import { describeIfJava, dir, NAME, startJava, type JavaDepartment } from './support/lawEnforcement';
import { caseClient, LAW, SECRETARY, UNITS } from './support/jointCase';
import { startStack, type Stack } from '@cg/kit/testing';

// Law enforcement (城管执法), the Java department of examples/law-enforcement, joined to the four TypeScript ones:
// its jar on the test's database, a supergraph composed in-process with it, every call through the gateway.
const describeWithJava = describeIfJava('tests/law-enforcement.e2e.ts');

let java: JavaDepartment | undefined;
let url: string;
let stack: Stack;
let api: ReturnType<typeof caseClient>;
let proxy: Server | undefined;
/** `_entities` requests the gateway sent to the Java department (counted by a pass-through proxy in front of it). */
let entityRequests = 0;

/** Forwards the gateway's requests unchanged (signature headers and body bytes), counting `_entities` calls. */
async function countingProxy(target: string): Promise<string> {
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (body.includes('_entities')) entityRequests += 1;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.startsWith('x-') || k === 'content-type')) as Record<string, string>;
      fetch(target + (req.url === '/graphql' ? '' : req.url!.replace('/graphql', '')), { method: req.method, headers, body: req.method === 'POST' ? body : undefined })
        .then(async (r) => void res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await r.arrayBuffer())))
        .catch(() => void res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  const address = proxy.address() as { port: number };
  return `http://127.0.0.1:${address.port}/graphql`;
}

/** A call straight to the Java department, signed as the gateway signs (or altered afterwards by `tamper`). */
async function direct(query: string, identity: Identity | null = LAW, tamper: (h: Record<string, string>, body: string) => [Record<string, string>, string] = (h, b) => [h, b]) {
  const signedBody = JSON.stringify({ query });
  const [headers, body] = tamper(signedHeaders(NAME, signedBody, identity, `test-${Date.now()}`), signedBody);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const token = (identity: Identity) => stack.token('party-secretary', identity);
const codes = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);
const VIOLATION =
  'id kind source status open description partyName partyPhone building { id } jointCase { id } notice { number deadline overdue } inspections { rectified } actions { kind }';

describeWithJava('law enforcement (Java) joined to the graph', () => {
  beforeAll(async () => {
    java = await startJava();
    url = java.url;
    const typeDefs = parse(readFileSync(path.join(dir, 'schema.graphql'), 'utf8'));
    stack = await startStack({ outside: [{ name: NAME, url: await countingProxy(url), typeDefs }] });
    api = caseClient(stack);
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
    proxy?.close();
    await java?.stop();
  });

  test('serves its Federation 2 SDL and health endpoints', async () => {
    const { body } = await direct('{ _service { sdl } }');
    expect(body.data._service.sdl).toMatch(/type Violation [^{]*@key\(fields ?: ?"id"/);
    expect(body.data._service.sdl).toMatch(/type Violation [^{]*@access\(roles ?: ?\["GRID_WORKER"/);
    expect((await fetch(url.replace('/graphql', '/health/live'))).status).toBe(200);
    expect((await fetch(url.replace('/graphql', '/health/ready'))).status).toBe(200);
  });

  test('refuses unsigned, altered, expired and replayed requests with 401 UNAUTHENTICATED', async () => {
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as any).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'unsigned' });
    const altered = await direct('{ __typename }', LAW, (h, b) => [h, b.replace('__typename', '_service { sdl }')]);
    expect([altered.status, altered.body.errors![0].extensions.reason]).toEqual([401, 'bad signature']);
    const otherIdentity = await direct('{ __typename }', LAW, (h, b) => [
      { ...h, 'x-cg-identity': Buffer.from(JSON.stringify({ ...LAW, role: 'AUDITOR' })).toString('base64url') },
      b,
    ]);
    expect([otherIdentity.status, otherIdentity.body.errors![0].extensions.reason]).toEqual([401, 'bad signature']);
    const body = JSON.stringify({ query: '{ __typename }' });
    const old = signedHeaders(NAME, body, LAW, 'test-old', Date.now() - 5 * 60_000);
    const expired = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...old }, body });
    expect([expired.status, ((await expired.json()) as any).errors[0].extensions.reason]).toEqual([401, 'stale']);
    const headers = { 'content-type': 'application/json', ...signedHeaders(NAME, body, LAW, 'test-replay') };
    expect((await fetch(url, { method: 'POST', headers, body })).status).toBe(200);
    const replayed = await fetch(url, { method: 'POST', headers, body });
    expect([replayed.status, ((await replayed.json()) as any).errors[0].extensions.reason]).toEqual([401, 'replayed']);
  });

  test('a joint case dispatched to law enforcement (the "3"): accepted, a violation recorded, JointCase.enforcementActions and Building.openViolations through the gateway', async () => {
    const lead = await stack.query(`{ responseUnits(kind: LAW_ENFORCEMENT) { id department } }`, {}, { token: await token(SECRETARY) });
    expect(lead.data.responseUnits).toContainEqual({ id: UNITS.law, department: NAME });
    const listed = await stack.query(
      `{ jointCases(filter: { status: [SUBMITTED] }, first: 1) { edges { node { id version building { id } } } } }`,
      {},
      { token: await token(SECRETARY) },
    );
    let c = listed.data.jointCases.edges[0].node;
    const buildingId = c.building.id;
    c = await api.ok(SECRETARY, 'dispatchJointCase', c, { leadUnitId: UNITS.law });
    c = await api.ok(LAW, 'acceptJointCaseTask', c, { unitId: UNITS.law });
    expect(c.status).toBe('ACCEPTED');

    const input = {
      kind: 'STREET_VENDING',
      buildingId,
      jointCaseId: c.id,
      description: '楼下商户占道经营，堵塞消防通道',
      partyName: '王小明',
      partyPhone: '13812341234',
      idempotencyKey: `case-${c.id}`,
    };
    const recorded = await stack.query(`mutation($input: RecordViolationInput!) { recordViolation(input: $input) { ${VIOLATION} } }`, { input }, { token: await token(LAW) });
    expect(recorded.errors).toBeUndefined();
    const violation = recorded.data.recordViolation;
    expect(violation).toMatchObject({
      kind: 'STREET_VENDING',
      source: 'JOINT_CASE',
      status: 'FOUND',
      open: true,
      partyName: '王小明',
      building: { id: buildingId },
      jointCase: { id: c.id },
    });
    // A retry with the same key is the same violation.
    const retried = await stack.query(`mutation($input: RecordViolationInput!) { recordViolation(input: $input) { id } }`, { input }, { token: await token(LAW) });
    expect(retried.data.recordViolation.id).toBe(violation.id);

    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const noticed = await stack.query(
      `mutation($id: ID!, $deadline: String!) { issueRectificationNotice(violationId: $id, input: { deadline: $deadline, requirement: "三日内撤除摊位" }) { status notice { deadline overdue } } }`,
      { id: violation.id, deadline },
      { token: await token(LAW) },
    );
    expect(noticed.errors).toBeUndefined();
    expect(noticed.data.issueRectificationNotice).toEqual({ status: 'NOTICE_ISSUED', notice: { deadline, overdue: false } });

    // One query: party's case, property's building, law enforcement's actions and violations — masked for the secretary.
    const dossier = await stack.query(
      `query($id: ID!) { jointCase(id: $id) { id status leadUnit { id } enforcementActions { kind violation { id partyName partyPhone } } building { id number openViolations { id kind status } } } }`,
      { id: c.id },
      { token: await token(SECRETARY) },
    );
    expect(dossier.errors).toBeUndefined();
    expect(dossier.data.jointCase.leadUnit.id).toBe(UNITS.law);
    expect(dossier.data.jointCase.enforcementActions.map((a: { kind: string }) => a.kind)).toEqual(['RECORDED', 'NOTICE_ISSUED']);
    expect(dossier.data.jointCase.enforcementActions[0].violation).toEqual({ id: violation.id, partyName: '王**', partyPhone: '138****1234' });
    expect(dossier.data.jointCase.building.number).toEqual(expect.any(String));
    expect(dossier.data.jointCase.building.openViolations).toContainEqual({ id: violation.id, kind: 'STREET_VENDING', status: 'NOTICE_ISSUED' });

    const inspected = await stack.query(
      `mutation($id: ID!) { recordFollowUpInspection(violationId: $id, input: { rectified: true, note: "摊位已撤除" }) { status open } }`,
      { id: violation.id },
      { token: await token(LAW) },
    );
    expect(inspected.data.recordFollowUpInspection).toEqual({ status: 'RECTIFIED', open: false });
    const after = await stack.query(`query($id: ID!) { building: jointCase(id: $id) { building { openViolations { id } } } }`, { id: c.id }, { token: await token(SECRETARY) });
    expect(after.data.building.building.openViolations).not.toContainEqual({ id: violation.id });

    // The personal data read above is in law enforcement's own access records.
    const audit = await stack.query(
      `{ lawEnforcementAuditRecords(subject: "${SECRETARY.subject}", first: 5) { edges { node { answeredBy fields entityIds } } } }`,
      {},
      { as: 'auditor' },
    );
    expect(audit.data.lawEnforcementAuditRecords.edges[0].node).toMatchObject({
      answeredBy: NAME,
      fields: ['Violation.partyName', 'Violation.partyPhone'],
      entityIds: [violation.id],
    });
  });

  test('many cases and buildings in one query: one `_entities` batch; `_entities` in key order with null for a miss', async () => {
    entityRequests = 0;
    const { data, errors } = await stack.query(
      `{ jointCases(first: 30) { edges { node { id enforcementActions { kind } building { openViolations { id } } } } } }`,
      {},
      { token: await token(SECRETARY) },
    );
    expect(errors).toBeUndefined();
    // Every case and every building of the page in one HTTP request (the gateway merges the two fetches), not one each.
    expect(entityRequests).toBe(1);
    expect(data.jointCases.edges.length).toBeGreaterThan(10);
    for (const { node } of data.jointCases.edges) expect([node.enforcementActions, node.building.openViolations]).toEqual([expect.any(Array), expect.any(Array)]);
    const entities = await direct(
      `{ _entities(representations: [{ __typename: "Violation", id: "${stableId('none', 1)}" }, { __typename: "Building", id: "${stableId('b', 1)}" }]) { __typename ... on Building { id openViolations { id } } } }`,
    );
    expect(entities.body.data._entities).toEqual([null, { __typename: 'Building', id: stableId('b', 1), openViolations: [] }]);
    const malformed = await direct(`{ _entities(representations: [{ __typename: "Violation", id: "11010519900101002X" }]) { __typename } }`);
    expect(malformed.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(JSON.stringify(malformed.body)).not.toContain('11010519900101002X');
  });

  test('bad input is BAD_USER_INPUT and changes nothing; an illegal step is ILLEGAL_TRANSITION', async () => {
    const before = await stack.query(`{ violations(first: 100) { totalCount } }`, {}, { token: await token(LAW) });
    const bad = await stack.query(`mutation { recordViolation(input: { kind: OTHER, buildingId: "not-an-id", description: "x" }) { id } }`, {}, { token: await token(LAW) });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'buildingId' });
    const phone = await stack.query(
      `mutation { recordViolation(input: { kind: OTHER, buildingId: "${stableId('b', 1)}", description: "x", partyPhone: "123" }) { id } }`,
      {},
      { token: await token(LAW) },
    );
    expect(phone.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyPhone' });
    const after = await stack.query(`{ violations(first: 100) { totalCount } }`, {}, { token: await token(LAW) });
    expect(after.data.violations.totalCount).toBe(before.data.violations.totalCount);
    const found = await stack.query(
      `mutation { recordViolation(input: { kind: ILLEGAL_ADVERTISING, buildingId: "${stableId('b', 2)}", description: "楼道乱贴小广告" }) { id source } }`,
      {},
      { token: await token(LAW) },
    );
    expect(found.data.recordViolation.source).toBe('PATROL');
    const early = await stack.query(
      `mutation($id: ID!) { recordFollowUpInspection(violationId: $id, input: { rectified: true }) { id } }`,
      { id: found.data.recordViolation.id },
      { token: await token(LAW) },
    );
    expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ILLEGAL_TRANSITION' });
    const missing = await stack.query(
      `mutation { issueRectificationNotice(violationId: "${stableId('none', 2)}", input: { deadline: "2099-01-01", requirement: "x" }) { id } }`,
      {},
      { token: await token(LAW) },
    );
    expect(codes(missing.errors)).toEqual(['NOT_FOUND']);
  });

  test('forbidden callers are refused: another department may not record; a resident may not read; an anonymous direct call is UNAUTHENTICATED', async () => {
    const input = { kind: 'DUMPING', buildingId: stableId('b', 3), description: '垃圾乱倒' };
    const clerk = await stack.query(`mutation($input: RecordViolationInput!) { recordViolation(input: $input) { id } }`, { input }, { as: 'civil-affairs-clerk' });
    expect(codes(clerk.errors)).toEqual(['FORBIDDEN']);
    const residentRead = await stack.query(`{ violations(first: 5) { totalCount } }`, {}, { as: 'resident' });
    expect(codes(residentRead.errors)).toEqual(['FORBIDDEN']);
    const anonymous = await direct(`{ violations(first: 1) { totalCount } }`, null);
    expect(codes(anonymous.body.errors)).toEqual(['UNAUTHENTICATED']);
    // The refused mutation is recorded as refused, and nothing was written.
    const audit = await stack.query(`{ lawEnforcementAuditRecords(subject: "demo-civil-affairs-clerk", first: 1) { edges { node { refused } } } }`, {}, { as: 'auditor' });
    expect(audit.data.lawEnforcementAuditRecords.edges[0].node.refused).toEqual(['Mutation.recordViolation']);
  });

  test('passes the conformance kit (npm run check-department)', async () => {
    const results = await runConformance({ url, name: NAME, current: repositoryServices() });
    expect(results.filter((r) => r.outcome === 'fail').map(formatResult)).toEqual([]);
    expect(results.filter((r) => r.outcome === 'pass').map((r) => r.name)).toEqual(
      expect.arrayContaining([
        ...PROTOCOL_CHECKS,
        '_entities for Violation',
        '_entities for Building',
        '_entities for JointCase',
        'every error has extensions.code',
        'masking and refusals on Violation (partyName, partyPhone)',
        'malformed key → typed error',
        'roles outside @access get FORBIDDEN',
      ]),
    );
  }, 120_000);

  test('law enforcement down: the case still answers from party, its fields null with SUBGRAPH_UNAVAILABLE', async () => {
    await java!.kill();
    const { data, errors } = await stack.query(`{ jointCases(first: 2) { edges { node { id status enforcementActions { kind } } } } }`, {}, { token: await token(SECRETARY) });
    expect(data.jointCases.edges[0].node).toMatchObject({ id: expect.any(String), status: expect.any(String), enforcementActions: null });
    expect(codes(errors)).toContain('SUBGRAPH_UNAVAILABLE');
    expect(JSON.stringify(errors)).not.toContain('127.0.0.1');
  });
});
