import { ApolloServer } from '@apollo/server';
import type { Connection, Model } from 'mongoose';
import { auditModel, auditPlugin } from './audit';
import { stableId } from './ids';
import { connectDatabase, departmentDbName } from './mongo';

// Against the real database: mutations leave a record, and the collection is append-only.
let connection: Connection;
let Audit: Model<any>;
const identity = { subject: 'u-clerk', role: 'DEPARTMENT_CLERK', department: 'civil-affairs', scope: { communityIds: [], gridIds: [] }, purpose: 'CASE_HANDLING' };

beforeAll(async () => {
  connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName('party') });
  Audit = auditModel(connection);
  await Audit.init();
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

test('every mutation appends who, role, department, purpose, operation, fields, entity ids and request id', async () => {
  const server = new ApolloServer<any>({
    typeDefs: 'type Query { ok: Boolean } type Thing { id: ID! } type Mutation { closeThing(id: ID!): Thing }',
    resolvers: { Mutation: { closeThing: (_: unknown, { id }: { id: string }) => ({ id }) } },
    plugins: [auditPlugin(Audit, 'party')],
  });
  await server.start();
  const id = stableId('thing', 1);
  const result = await server.executeOperation(
    { query: 'mutation Close($id: ID!) { closeThing(id: $id) { id } }', operationName: 'Close', variables: { id } },
    { contextValue: { identity, requestId: 'req-mutation-1' } },
  );
  await server.stop();
  expect(result.body.kind === 'single' && result.body.singleResult.errors).toBeUndefined();
  const records = await Audit.find({ requestId: 'req-mutation-1' }).lean();
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    subject: 'u-clerk',
    role: 'DEPARTMENT_CLERK',
    department: 'civil-affairs',
    purpose: 'CASE_HANDLING',
    answeredBy: 'party',
    operationName: 'Close',
    operationType: 'mutation',
    fields: ['Mutation.closeThing'],
    entityIds: [id],
  });
  expect(Date.now() - Date.parse(records[0].at)).toBeLessThan(60_000);
});

test('the model refuses to change or delete a record', async () => {
  await Audit.create({ at: new Date().toISOString(), requestId: 'r', answeredBy: 'party', operationType: 'query' });
  await expect(Audit.updateOne({ requestId: 'r' }, { subject: 'someone-else' })).rejects.toThrow(/append-only/);
  await expect(Audit.deleteMany({})).rejects.toThrow(/append-only/);
  await expect(Audit.findOneAndDelete({ requestId: 'r' })).rejects.toThrow(/append-only/);
  expect(await Audit.countDocuments({ requestId: 'r' })).toBe(1);
});
