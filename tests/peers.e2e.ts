import { createPeerClient, departmentDbName, listSubgraphs, stableId, startDepartment, type RunningDepartment } from '@cg/kit';
import { seedWorld, dropDatabases, loadDepartment } from '@cg/kit/testing';

// A department asks the owner of an entity through federation (`_entities`), never the owner's database.
let civil: RunningDepartment<any>;
const resident = stableId('resident', 'YHM0101000', 0);

beforeAll(async () => {
  await seedWorld(process.env.MONGODB_URI!, 'small', process.env.MONGODB_DB_PREFIX);
  const entry = listSubgraphs().find((e) => e.name === 'civil-affairs')!;
  civil = await startDepartment(await loadDepartment(entry.dir), { mongoUri: process.env.MONGODB_URI, dbName: departmentDbName('civil-affairs') });
  process.env.CIVIL_AFFAIRS_URL = civil.url;
}, 60_000);
afterAll(async () => {
  await civil.stop();
  delete process.env.CIVIL_AFFAIRS_URL;
  await dropDatabases();
});

test('entities come back in key order with null for a miss, in one request', async () => {
  const peers = createPeerClient('party', 'req-1');
  const missing = stableId('resident', 'nobody');
  const found = await peers.entities('civil-affairs', 'Resident', [missing, resident], 'id');
  expect(found).toEqual([null, { id: resident }]);
});

test('requireEntities names the field and the missing id', async () => {
  const peers = createPeerClient('party', 'req-2');
  const missing = stableId('resident', 'nobody');
  await expect(peers.requireEntities('civil-affairs', 'Resident', [resident], 'residentId')).resolves.toBeUndefined();
  await expect(peers.requireEntities('civil-affairs', 'Resident', [resident, missing], 'residentId')).rejects.toMatchObject({
    extensions: { code: 'NOT_FOUND', field: 'residentId', id: missing },
  });
});

test('an owner that does not answer is DEPENDENCY_UNAVAILABLE, not a crash or a false "missing"', async () => {
  const peers = createPeerClient('party', 'req-3', 500);
  process.env.PROPERTY_URL = 'http://127.0.0.1:9/graphql'; // discard port: nothing listens
  try {
    await expect(peers.requireEntities('property', 'Unit', [stableId('unit', 'x')], 'unitId')).rejects.toMatchObject({
      extensions: { code: 'DEPENDENCY_UNAVAILABLE', department: 'property' },
    });
  } finally {
    delete process.env.PROPERTY_URL;
  }
});
