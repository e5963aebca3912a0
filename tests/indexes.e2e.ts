import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isListType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
import type { Model } from 'mongoose';
import { AUDIT_COLLECTION, connectDatabase, departmentDbName, listSubgraphs, observeCommands, supergraphPath, type ObservedCommand } from '@cg/kit';
import { loadDepartment, startStack, type Stack } from '@cg/kit/testing';

/**
 * Every list query of the supergraph is run (as a clerk, default arguments), every read its departments send is
 * recorded, and each must be able to start from an index: an index whose leading field the filter constrains, or,
 * for an unfiltered read, whose leading field is the sort. Indexes are listed from the database itself. On MongoDB
 * the test also fails on any COLLSCAN; on FerretDB, PostgreSQL's plan is checked per declared index below (an
 * unfiltered sorted read is a sequential scan there whatever the indexes: docs/benchmarks.md gives its cost).
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(() => stack?.stop());

const OPERATORS = new Set(['$and', '$or', '$nor']);

/** Can this filter start from one of `leading` (each index's first field)? */
function served(filter: Record<string, any>, leading: Set<string>, sortFirst?: string): boolean {
  const own = Object.keys(filter).filter((k) => !OPERATORS.has(k));
  if (own.some((field) => leading.has(field) && filter[field]?.$ne === undefined && filter[field]?.$exists === undefined)) return true;
  if (filter.$and?.some((part: Record<string, any>) => served(part, leading))) return true;
  if (filter.$or?.length && filter.$or.every((part: Record<string, any>) => served(part, leading))) return true;
  return own.length === 0 && !filter.$and && !filter.$or && sortFirst !== undefined && leading.has(sortFirst);
}

/** The driver sends `sort` as a Map (key order matters); plain objects elsewhere. */
const sortKeys = (sort: unknown): string[] => (sort instanceof Map ? [...sort.keys()] : Object.keys(sort ?? {}));

const readOf = (c: ObservedCommand) =>
  c.name === 'find'
    ? { filter: c.command.filter ?? {}, sort: c.command.sort }
    : // `count` without a query is the collection's size from its metadata (paginate's total of an unfiltered list).
      c.name === 'count'
      ? c.command.query && Object.keys(c.command.query).length
        ? { filter: c.command.query, sort: undefined }
        : null
      : c.name === 'aggregate' && c.command.pipeline?.[0]?.$match
        ? { filter: c.command.pipeline[0].$match, sort: c.command.pipeline[1]?.$sort }
        : null;

function listQueries(): Array<GraphQLField<unknown, unknown>> {
  const schema = buildSchema(readFileSync(supergraphPath, 'utf8'), { assumeValidSDL: true });
  return Object.values(schema.getQueryType()!.getFields()).filter((field) => {
    const named = getNamedType(field.type);
    const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    return isObjectType(named) && (list || named.name.endsWith('Connection')) && field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);
  });
}

test('every list query reads through an index (no collection scan)', async () => {
  const watches = Object.values(stack.departments).map((d) => ({ d, watch: observeCommands(d.connection) }));
  const queries = listQueries();
  expect(queries.length).toBeGreaterThan(20);
  for (const field of queries) {
    const selection = getNamedType(field.type).name.endsWith('Connection') ? '{ totalCount edges { cursor } }' : '{ __typename }';
    await stack.query(`{ ${field.name} ${selection} }`);
  }
  const unserved: string[] = [];
  for (const { d, watch } of watches) {
    watch.stop();
    const leadingByCollection = new Map<string, Set<string>>();
    for (const command of watch.commands) {
      const read = readOf(command);
      if (!read || command.collection === AUDIT_COLLECTION) continue;
      if (!leadingByCollection.has(command.collection)) {
        const indexes = await d.connection.db!.collection(command.collection).indexes();
        leadingByCollection.set(command.collection, new Set(indexes.map((index) => Object.keys(index.key)[0]!)));
      }
      if (!served(read.filter, leadingByCollection.get(command.collection)!, sortKeys(read.sort)[0])) {
        unserved.push(`${d.name}.${command.collection} ${command.name} ${JSON.stringify(read.filter)} sort ${sortKeys(read.sort).join(',')}`);
      }
      const explained = await d.connection.db!.command({ explain: { ...command.command, lsid: undefined, $db: undefined, $clusterTime: undefined } }).catch(() => null);
      // MongoDB names its plan stages; a collection scan anywhere in the winning plan fails the test.
      if (explained && !('ferretdbVersion' in (explained.serverInfo ?? {})) && JSON.stringify(explained.queryPlanner?.winningPlan ?? {}).includes('COLLSCAN')) {
        unserved.push(`${d.name}.${command.collection} COLLSCAN ${JSON.stringify(read.filter)}`);
      }
    }
  }
  expect([...new Set(unserved)]).toEqual([]);
}, 60_000);

/** A value of the path's type that no seeded document holds, so the planner expects few rows, as for a real lookup. */
function probeValue(schemaType: { instance: string; caster?: { instance: string } } | undefined): unknown {
  const instance = schemaType?.instance === 'Array' ? schemaType.caster?.instance : schemaType?.instance;
  if (instance === 'Date') return new Date(Date.UTC(1900, 0, 1));
  if (instance === 'Boolean') return true;
  if (instance === 'Number') return 987_654_321;
  return 'no-such-value-0000';
}

// On empty collections of their own: once PostgreSQL has analysed a small seeded table it rightly prefers reading
// its few pages to any index, which says nothing about the lookups a county's data needs.
test('an equality on each field of each declared index (and _id) reaches an index scan through the database', async () => {
  const checked: string[] = [];
  const unindexed: string[] = [];
  for (const entry of listSubgraphs()) {
    const name = entry.name;
    const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: `${departmentDbName(name)}_explain` });
    const department = { connection, models: (await loadDepartment(entry.dir)).createModels(connection) as Record<string, Model<any>> };
    await Promise.all(Object.values(department.models).map((model) => model.init()));
    for (const model of Object.values(department.models)) {
      const fields = new Set(['_id', ...model.schema.indexes().flatMap(([keys]) => Object.keys(keys))]);
      for (const field of [...fields].filter((f) => !f.includes('.'))) {
        const filter = { [field]: probeValue(model.schema.path(field) as never) };
        const explained = await department.connection.db!.command({ explain: { find: model.collection.name, filter }, verbosity: 'queryPlanner' });
        // FerretDB returns PostgreSQL's plan (GIN: "Bitmap Index Scan"); MongoDB its winning plan (IXSCAN).
        const plan = JSON.stringify(explained.queryPlanner);
        checked.push(`${name}.${model.collection.name}.${field}`);
        if (!/Index Scan|IXSCAN|IDHACK|EXPRESS_IXSCAN/.test(plan)) unindexed.push(`${name}.${model.collection.name} ${field}: ${plan.slice(0, 200)}`);
      }
    }
    await connection.dropDatabase();
    await connection.close();
  }
  expect(checked.length).toBeGreaterThan(60);
  expect(unindexed).toEqual([]);
}, 120_000);
