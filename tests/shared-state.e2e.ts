import { connectDatabase, departmentDbName, expireByField, listSubgraphs, NONCE_COLLECTION, signedHeaders, startDepartment, startRedis, type RunningDepartment } from '@cg/kit';
import { startGateway } from '@cg/gateway';
import { seedWorld, DIRECT_CALLER, devAuthorization, dropDatabases, loadDepartment } from '@cg/kit/testing';

// Two replicas of a process share what they must: a department's replay cache (its database, or Redis) and the
// gateway's rate limits (Redis or MongoDB). Replicas here are two instances on one database; tests/replicas.e2e.ts
// runs them as processes behind a load balancer.
let redis: Awaited<ReturnType<typeof startRedis>>;
const entitiesBody = JSON.stringify({ query: '{ _service { sdl } }' });
const withEnv = async <T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> => {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
};

beforeAll(async () => {
  redis = await startRedis();
  await seedWorld(process.env.MONGODB_URI!, 'small', process.env.MONGODB_DB_PREFIX);
}, 120_000);
afterAll(async () => {
  await redis?.stop();
  await dropDatabases();
});

describe.each([
  ['the department database', undefined],
  ['Redis', 'redis'],
])('replay cache in %s', (_, store) => {
  let replicas: RunningDepartment<any>[] = [];
  beforeAll(async () => {
    const entry = listSubgraphs().find((e) => e.name === 'employment')!;
    const department = await loadDepartment(entry.dir);
    replicas = await withEnv({ REDIS_URL: store ? redis.url : undefined }, () =>
      Promise.all([0, 1].map(() => startDepartment(department, { mongoUri: process.env.MONGODB_URI!, dbName: departmentDbName('employment') }))),
    );
  }, 60_000);
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
  });

  const send = async (url: string, headers: Record<string, string>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: entitiesBody });
    return { status: response.status, reason: ((await response.json()) as any).errors?.[0]?.extensions?.reason };
  };

  test('a signed request replayed to the other replica is refused', async () => {
    for (let i = 0; i < 5; i++) {
      const headers = signedHeaders('employment', entitiesBody, DIRECT_CALLER, `replica-${i}`);
      const [first, second] = i % 2 ? [replicas[0]!, replicas[1]!] : [replicas[1]!, replicas[0]!];
      expect(await send(first.url, headers)).toEqual({ status: 200, reason: undefined });
      expect(await send(second.url, headers)).toEqual({ status: 401, reason: 'replayed' });
    }
  });

  test('the same request sent to both replicas at once is executed once', async () => {
    const headers = signedHeaders('employment', entitiesBody, DIRECT_CALLER, 'replica-race');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => send(replicas[i % 2]!.url, headers)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.reason === 'replayed')).toHaveLength(5);
  });
});

test('expired nonces go: by a TTL index on MongoDB, by a scheduled purge where there is none (FerretDB v1)', async () => {
  const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('purge') });
  const nonces = connection.getClient().db(connection.name).collection<{ _id: string; expiresAt: Date }>(NONCE_COLLECTION);
  await nonces.insertMany([
    { _id: 'old', expiresAt: new Date(Date.now() - 1000) },
    { _id: 'young', expiresAt: new Date(Date.now() + 60_000) },
  ]);
  const stop = await expireByField(nonces, 'expiresAt', 200);
  const ttl = (await nonces.indexes()).some((index) => index.expireAfterSeconds === 0);
  if (!ttl) {
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await nonces.find().toArray()).map((d) => d._id)).toEqual(['young']);
  }
  stop();
  await connection.dropDatabase();
  await connection.close();
});

describe.each([
  // Redis counts atomically: replicas racing for the last points cannot both get them.
  ['redis', true],
  // One after another: MongoDB's findOneAndUpdate + $inc is atomic, but FerretDB v1 (the test database) loses
  // concurrent increments, so racing replicas are only proven on Redis here.
  ['mongodb', false],
  // Per process: the failure shared stores prevent, shown so that the shared stores' tests can be seen to mean something.
  ['memory', true],
])('rate limit with RATE_LIMIT_STORE=%s across two gateways', (store, concurrent) => {
  const POINTS = 6;
  let gateways: Array<Awaited<ReturnType<typeof startGateway>>> = [];
  let authorization: Record<string, string>;
  beforeAll(async () => {
    const urls = Object.fromEntries(listSubgraphs().map((e) => [e.name, 'http://127.0.0.1:9/graphql']));
    gateways = await withEnv({ RATE_LIMIT_STORE: store, REDIS_URL: redis.url, MONGODB_DB_PREFIX: `${process.env.MONGODB_DB_PREFIX}_${store}` }, () =>
      Promise.all([0, 1].map(() => startGateway({ urls, limits: { ratePoints: POINTS, rateWindowS: 60 } }))),
    );
    authorization = await devAuthorization('civil-affairs-clerk');
  }, 60_000);
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    if (store === 'mongodb') {
      const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: `${process.env.MONGODB_DB_PREFIX}_${store}_gateway` });
      await connection.dropDatabase();
      await connection.close();
    }
  });

  test(`one caller gets ${POINTS} answers in all, whichever gateway answers`, async () => {
    const ask = (i: number) =>
      fetch(gateways[i % 2]!.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization }, body: JSON.stringify({ query: '{ __typename }' }) }).then(
        (r) => r.status,
      );
    const requests = Array.from({ length: 3 * POINTS }, (_, i) => i);
    const statuses = concurrent
      ? await Promise.all(requests.map(ask))
      : await requests.reduce<Promise<number[]>>(async (all, i) => [...(await all), await ask(i)], Promise.resolve([]));
    const admitted = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(admitted).toBe(store === 'memory' ? 2 * POINTS : POINTS);
  });
});
