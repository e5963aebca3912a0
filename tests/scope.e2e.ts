import { readFileSync } from 'node:fs';
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { AUDIT_COLLECTION, inScope, listSubgraphs, loadTypeDefs, policyFromDocument, stableId, supergraphPath, trusted, type Identity, type Policy } from '@cg/kit';
import { apiSchema, owners as ownersOf } from '../scripts/supergraph-api';
import { startStack, type Stack } from '@cg/kit/testing';

// Row scope in the database: every root list of a scoped type, for a grid worker of one grid and for a resident,
// holds exactly the rows in scope and counts only them; ledgers too. Filters that reveal a governed field need the
// right to read it; a write about a row outside the caller's scope is refused before anything is written.
let stack: Stack;
const GRID1 = stableId('grid', 'ZB-YHM-01');
const GRID2 = stableId('grid', 'ZB-YHM-02');
const policies: Record<string, Policy> = Object.fromEntries(listSubgraphs().map((e) => [e.name, policyFromDocument(loadTypeDefs(e.schemaPath))]));
const supergraph = readFileSync(supergraphPath, 'utf8');
const schema = apiSchema(supergraph);
const owners = ownersOf(supergraph);
const nobody = { communityIds: [] as string[], gridIds: [] as string[] };
const worker = (gridIds: string[]): Identity => ({ subject: 'scope-worker', department: 'civil-affairs', role: 'GRID_WORKER', scope: { ...nobody, gridIds } });
let resident: Identity;

beforeAll(async () => {
  stack = await startStack();
  const kase = await stack.departments.party!.models.JointCase.findOne({ gridId: GRID1 }).lean();
  resident = { subject: kase.reporterId, department: 'resident', role: 'RESIDENT', scope: nobody };
}, 120_000);
afterAll(() => stack.stop());

const as = async (identity: Identity, query: string, variables?: Record<string, unknown>) => stack.query(query, variables, { token: await stack.token('grid-worker', identity) });

/** Every node id of a root connection and the totals it reported, page by page. */
async function allIds(identity: Identity, field: string) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 500; page++) {
    const answer: any = await as(
      identity,
      `query($after: String) { ${field}(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      { after },
    );
    if (answer.errors) throw new Error(`${field}: ${JSON.stringify(answer.errors)}`);
    const connection = answer.data[field];
    totals.add(connection.totalCount);
    ids.push(...connection.edges.map((e: any) => e.node.id));
    if (!connection.pageInfo.hasNextPage) return { ids, totals: [...totals] };
    after = connection.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

/** Root connections of scoped types, read from the SDL: [field, department, node type]. */
function scopedLists() {
  const query = schema.getType('Query') as GraphQLObjectType;
  return Object.values(query.getFields()).flatMap((f) => {
    const named = getNamedType(f.type);
    if (!isObjectType(named) || !named.getFields().edges || f.args.some((a) => a.type.toString().endsWith('!'))) return [];
    const node = getNamedType((getNamedType(named.getFields().edges!.type) as GraphQLObjectType).getFields().node!.type).name;
    const department = [...owners.get(`Query.${f.name}`)!][0]!;
    return policies[department]!.get(node)?.scope ? [[f.name, department, node] as const] : [];
  });
}

test("every root list of a scoped type holds and counts only the rows in scope: a grid worker's grid, a resident's own", async () => {
  const lists = scopedLists();
  expect(lists.map(([f]) => f)).toEqual(expect.arrayContaining(['residents', 'households', 'visits', 'disputes', 'careProfiles', 'jointCases', 'microWishes']));
  for (const [field, department, node] of lists) {
    let narrowed = false;
    const rule = policies[department]!.get('Query')!.fields.get(field)!;
    const everyone = await allIds(worker([]), field);
    const docs = await stack.departments[department]!.models[node]!.find({ _id: trusted({ $in: everyone.ids }) }).lean();
    expect({ field, found: docs.length }).toEqual({ field, found: everyone.ids.length });
    const callers = [worker([GRID1]), ...(rule.roles!.includes('RESIDENT') ? [resident] : [])];
    for (const caller of callers) {
      const expected = docs
        .filter((d: any) => inScope(d, policies[department]!.get(node)!.scope!, caller))
        .map((d: any) => d._id)
        .sort();
      const seen = await allIds(caller, field);
      expect({ field, caller: caller.role, ids: [...seen.ids].sort(), totals: seen.totals }).toEqual({ field, caller: caller.role, ids: expected, totals: [expected.length] });
      narrowed ||= expected.length < everyone.ids.length;
    }
    // Not a test that cannot pass vacuously: a list with rows loses some for one of the callers.
    if (everyone.ids.length > 0) expect({ field, narrowed }).toEqual({ field, narrowed: true });
  }
}, 300_000);

test("ledgers and measures of a grid worker count only the cases of the worker's grid", async () => {
  const scope = { from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' };
  const query = `query($s: JointCaseScope!) { jointCaseMeasures(scope: $s) { cases } publicSentimentLedger(scope: $s) { grid { id } received } }`;
  const wide = await as(worker([]), query, { s: scope });
  const narrow = await as(worker([GRID1]), query, { s: scope });
  expect(narrow.errors).toBeUndefined();
  const inGrid1 = await stack.departments.party!.models.JointCase.countDocuments({ gridId: GRID1, status: trusted({ $ne: 'DUPLICATE' }) });
  expect(narrow.data.jointCaseMeasures.cases).toBe(inGrid1);
  expect(wide.data.jointCaseMeasures.cases).toBeGreaterThan(inGrid1);
  expect(new Set(narrow.data.publicSentimentLedger.map((r: any) => r.grid.id))).toEqual(new Set([GRID1]));
});

test('a filter or sort on a governed field needs the right to read that field', async () => {
  const list = (filter: string) => `{ residents(${filter}, first: 1) { totalCount } }`;
  const property = { subject: 'scope-property', department: 'property', role: 'PROPERTY_STAFF', scope: nobody };
  const secretary = { subject: 'scope-secretary', department: 'party', role: 'PARTY_SECRETARY', scope: nobody };
  const refused = [
    [property, list('filter: { vulnerabilities: [LOW_INCOME] }'), 'ResidentFilter.vulnerabilities'],
    [property, list('filter: { minAge: 60 }'), 'ResidentFilter.minAge'],
    [worker([]), list('filter: { namePrefix: "张" }'), 'ResidentFilter.namePrefix'], // names are masked without a purpose
    [secretary, list('sort: { field: BIRTH_DATE }'), 'ResidentSortField.BIRTH_DATE'], // birth dates are masked for secretaries
  ] as const;
  for (const [caller, query, field] of refused) {
    const { data, errors } = await as(caller, query);
    expect({ field, data: data?.residents ?? null, error: errors?.[0]?.extensions }).toEqual({ field, data: null, error: expect.objectContaining({ code: 'FORBIDDEN', field }) });
  }
  const flagged = await as(worker([]), list('filter: { vulnerabilities: [LOW_INCOME] }'));
  expect(flagged.errors).toBeUndefined();
  expect(flagged.data.residents.totalCount).toBeGreaterThan(0);
  expect((await as({ ...worker([]), purpose: 'CASE_HANDLING' }, list('filter: { namePrefix: "张" }'))).errors).toBeUndefined();
  expect((await as(worker([]), list('sort: { field: BIRTH_DATE }'))).errors).toBeUndefined();
});

test("a write about a row outside the caller's grid is refused before anything is written, and the refusal is recorded", async () => {
  const other = await stack.departments['civil-affairs']!.models.Resident!.findOne({ gridId: GRID2 }).lean();
  const before = await stack.departments['civil-affairs']!.models.Visit!.countDocuments();
  const input = { residentId: other._id, visitedOn: '2025-01-15', visitorName: '王**', method: 'HOME' };
  const { data, errors } = await stack.query(
    'mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }',
    { input },
    {
      token: await stack.token('grid-worker'),
      headers: { 'x-request-id': 'scope-write-refused-1' },
    },
  );
  expect({ data, error: errors?.[0]?.extensions }).toEqual({ data: null, error: expect.objectContaining({ code: 'FORBIDDEN', reason: 'scope', field: 'residentId' }) });
  expect(await stack.departments['civil-affairs']!.models.Visit!.countDocuments()).toBe(before);
  const record = await stack.departments['civil-affairs']!.connection.db!.collection(AUDIT_COLLECTION).findOne({ requestId: 'scope-write-refused-1' });
  expect(record).toMatchObject({ role: 'GRID_WORKER', refused: ['Mutation.recordVisit'], fields: ['Mutation.recordVisit'] });
});
