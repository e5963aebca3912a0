import { connectDatabase, departmentDbName, type Identity } from '@cg/kit';
import { DepartmentClient } from '@cg/kit/conformance';
import { startStack, type Stack } from '@cg/kit/testing';
import { caseClient, LAW, SECRETARY, UNITS } from './support/jointCase';
import { describeIfJava, NAME, startJava, type JavaDepartment } from './support/lawEnforcement';

// The Java department joins as an outside team would: its SDL and URL published through the schema registry's
// authenticated HTTP call to a running gateway, which serves its fields within seconds, without a restart.
const TOKEN = 'law-enforcement-registry-token-0123456789ab';
let java: JavaDepartment | undefined;
let stack: Stack | undefined;

const token = (identity: Identity) => stack!.token('party-secretary', identity);
const publish = (body: unknown, secret = TOKEN) =>
  fetch(stack!.gatewayUrl.replace(/\/graphql$/, '/registry/publish'), {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'x-published-by': 'law-enforcement team' },
    body: JSON.stringify(body),
  });
const DOSSIER = `query($id: ID!) { jointCase(id: $id) { id leadUnit { id } enforcementActions { kind violation { id } } building { id openViolations { id status } } } }`;

describeIfJava('tests/law-enforcement-registry.e2e.ts')('law enforcement (Java) published through the schema registry', () => {
  beforeAll(async () => {
    Object.assign(process.env, { SCHEMA_REGISTRY_URI: process.env.MONGODB_URI, SCHEMA_REGISTRY_POLL_MS: '250', REGISTRY_TOKEN: TOKEN });
    java = await startJava();
    stack = await startStack();
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
    await java?.stop();
    const registryDb = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('registry') });
    await registryDb.dropDatabase();
    await registryDb.close();
    for (const key of ['SCHEMA_REGISTRY_URI', 'SCHEMA_REGISTRY_POLL_MS', 'REGISTRY_TOKEN']) delete process.env[key];
  });

  test('its JointCase enforcement actions and Building open violations answer through the running gateway, no request failing meanwhile', async () => {
    const api = caseClient(stack!);
    const secretary = await token(SECRETARY);
    const listed = await stack!.query(`{ jointCases(filter: { status: [SUBMITTED] }, first: 1) { edges { node { id version } } } }`, {}, { token: secretary });
    const caseId = listed.data.jointCases.edges[0].node.id as string;
    expect((await stack!.query(DOSSIER, { id: caseId }, { token: secretary })).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Clients keep reading the case while the department is published and the gateway swaps its schema: none of their
    // requests is dropped (each is answered 200 with data; on a loaded machine party may still time out on its own).
    const load = { running: true, answered: 0, dropped: [] as string[] };
    const worker = async () => {
      while (load.running) {
        const { status, body } = await stack!
          .post(`query($id: ID!) { jointCase(id: $id) { id status } }`, { id: caseId }, { token: secretary })
          .catch((error: Error) => ({ status: 0, body: { errors: [{ message: `${error.message} ${String((error.cause as Error)?.message)}` }] } as any }));
        if (status === 200 && body.data != null) load.answered++;
        else load.dropped.push(`${status} ${JSON.stringify(body).slice(0, 200)}`);
      }
    };
    const workers = [worker(), worker()];
    try {
      const service = { subject: 'registry', department: 'gateway', role: 'SERVICE', scope: { communityIds: [], gridIds: [] } };
      const sdl = ((await new DepartmentClient(java!.url, NAME).query('{ _service { sdl } }', undefined, service)).body!.data!._service as { sdl: string }).sdl;
      expect((await publish({ name: NAME, url: java!.url, sdl }, 'wrong-token')).status).toBe(401);
      const published = await publish({ name: NAME, url: java!.url, sdl });
      expect([published.status, ((await published.json()) as { version: number }).version]).toEqual([200, 2]);

      const start = Date.now();
      const violations = async () => stack!.query(`{ violations(first: 1) { totalCount } }`, {}, { token: await token(LAW) });
      let answer = await violations();
      while (answer.errors && Date.now() - start < 30_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await violations();
      }
      expect(answer).toEqual({ data: { violations: { totalCount: expect.any(Number) } } });
      console.log(`law enforcement answered through the gateway ${((Date.now() - start) / 1000).toFixed(2)} s after its publish`);
    } finally {
      load.running = false;
      await Promise.all(workers);
    }
    expect(load.dropped).toEqual([]);
    expect(load.answered).toBeGreaterThan(0);

    // Dispatched to it as the "3", a violation recorded on the case: both extensions answer through the gateway.
    let c = await api.ok(SECRETARY, 'dispatchJointCase', listed.data.jointCases.edges[0].node, { leadUnitId: UNITS.law });
    c = await api.ok(LAW, 'acceptJointCaseTask', c, { unitId: UNITS.law });
    const building = (await stack!.query(`query($id: ID!) { jointCase(id: $id) { building { id } } }`, { id: c.id }, { token: secretary })).data.jointCase.building.id;
    const recorded = await stack!.query(
      `mutation($input: RecordViolationInput!) { recordViolation(input: $input) { id status } }`,
      { input: { kind: 'STREET_VENDING', buildingId: building, jointCaseId: c.id, description: '占道经营，堵塞消防通道', idempotencyKey: `registry-${c.id}` } },
      { token: await token(LAW) },
    );
    expect(recorded.errors).toBeUndefined();
    const violation = recorded.data.recordViolation;
    const dossier = await stack!.query(DOSSIER, { id: c.id }, { token: secretary });
    expect(dossier.errors).toBeUndefined();
    expect(dossier.data.jointCase).toMatchObject({ id: c.id, leadUnit: { id: UNITS.law }, enforcementActions: [{ kind: 'RECORDED', violation: { id: violation.id } }] });
    expect(dossier.data.jointCase.building.openViolations).toContainEqual({ id: violation.id, status: violation.status });
  }, 180_000);
});
