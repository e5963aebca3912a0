import { spawnSync } from 'node:child_process';
import { listSubgraphs, stableId, startDepartment, type RunningDepartment } from '@cg/kit';
import { startGateway } from '@cg/gateway';
import { seedWorld, devAuthorization, loadDepartment, postGraphQL } from '@cg/kit/testing';
import { sleep, startRestartableDatabase } from './support/faults';

// A database of its own that this file kills (SIGKILL) and starts again on the same port and data folder: the
// MongoDB-protocol server, and under FerretDB, separately, the PostgreSQL cluster behind it.
const parts: Array<'mongo' | 'postgresql'> = spawnSync('sh', ['-c', 'command -v mongod']).status === 0 ? ['mongo'] : ['mongo', 'postgresql'];

describe.each(parts)('killing %s', (part) => {
  let db: Awaited<ReturnType<typeof startRestartableDatabase>>;
  let civil: RunningDepartment<any>;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let signedIn: Record<string, string>;
  /** As a civil-affairs clerk (people's fields need a signed-in caller). */
  const post = (query: string, variables?: Record<string, unknown>) => postGraphQL(gateway.url, query, variables, signedIn);
  const residentId = stableId('resident', 'YHM0101000', 0);
  const read = `{ resident(id: "${residentId}") { name household { fileNumber } } }`;
  const record = 'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id visitedOn } }';
  const visit = { residentId, visitedOn: '2026-02-01', method: 'HOME', visitorName: '网格员', notes: '独居老人走访', idempotencyKey: 'outage-retry-0001' };

  beforeAll(async () => {
    db = await startRestartableDatabase(part);
    await seedWorld(db.uri, 'small', process.env.MONGODB_DB_PREFIX);
    const entry = listSubgraphs().find((e) => e.name === 'civil-affairs')!;
    civil = await startDepartment(await loadDepartment(entry.dir), { mongoUri: db.uri });
    // Only civil affairs is up: the other departments are unreachable, which must not matter to these queries.
    const urls = Object.fromEntries(listSubgraphs().map((e) => [e.name, 'http://127.0.0.1:9/graphql']));
    gateway = await startGateway({ urls: { ...urls, 'civil-affairs': civil.url } });
    signedIn = await devAuthorization();
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await civil?.stop();
    await db?.stop();
  });

  const ready = async () => (await fetch(civil.url.replace(/graphql$/, 'health/ready'))).status;

  test('while the database is down requests fail fast with DATABASE_UNAVAILABLE; afterwards the connection comes back by itself', async () => {
    expect((await post(read)).body.data.resident.household.fileNumber).toBe('YHM0101000');
    expect(await ready()).toBe(200);

    await db.kill();
    for (const operation of [() => post(read), () => post(record, { i: visit })]) {
      const started = Date.now();
      const { status, body } = await operation();
      expect(Date.now() - started).toBeLessThan(2000);
      expect(status).toBe(200);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', serviceName: 'civil-affairs' });
      expect(JSON.stringify(body)).not.toMatch(/mongodb:|127\.0\.0\.1|ECONNREFUSED|Mongo/);
    }
    expect(await ready()).toBe(503);

    await db.restart();
    const restarted = Date.now();
    let answer = await post(read);
    while (answer.body.errors && Date.now() - restarted < 10_000) {
      await sleep(100);
      answer = await post(read);
    }
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.resident.household.fileNumber).toBe('YHM0101000');
    expect(await ready()).toBe(200);

    // The client retries the write it never got an answer for, twice: one record.
    const first = await post(record, { i: visit });
    const second = await post(record, { i: visit });
    expect(first.body.errors).toBeUndefined();
    expect(second.body.data.recordVisit.id).toBe(first.body.data.recordVisit.id);
    expect(await civil.models.Visit.countDocuments({ residentId })).toBe(1);
  }, 60_000);
});
