import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { AUDIT_COLLECTION, listSubgraphs, NONCE_COLLECTION, loadTypeDefs, onCommand, policyFromDocument, stableId, supergraphPath, type Identity, type Policy } from '@cg/kit';
import { apiSchema, owners as ownersOf } from '../scripts/supergraph-api';
import { startStack, type Stack } from '@cg/kit/testing';
import { expected, generate, operation, pattern, selection, valuesAt, type Probe } from './support/walk';

// Proof generated from the SDL: every root field of the supergraph, sent through the gateway by an anonymous caller,
// a SERVICE token and each role (own and other department, with and without scope and purpose), gets what the rules
// say; every refused mutation reaches no write and leaves the (throwaway) databases as they were.
jest.setTimeout(900_000);

const GRID1 = stableId('grid', 'ZB-YHM-01');
const COMMUNITY = stableId('community', '义合美新城社区');
const REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED'];
const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify', 'create', 'drop', 'createIndexes']);
// What every request writes whatever it is asked: its access record and the signature nonce that stops a replay.
const BOOKKEEPING = new Set([AUDIT_COLLECTION, NONCE_COLLECTION]);
const policies: Record<string, Policy> = Object.fromEntries(listSubgraphs().map((e) => [e.name, policyFromDocument(loadTypeDefs(e.schemaPath))]));
const supergraph = readFileSync(supergraphPath, 'utf8');
const schema = apiSchema(supergraph);
const owners = ownersOf(supergraph);

let stack: Stack;
let subject: string;
let writes = 0;
const samples = new Map<string, Record<string, any> | null>();

// A correctness walk, not a load test: slow ledger aggregations on this shared machine must not trip the timeouts
// and circuit breakers (tests/reliability.e2e.ts covers those); restored afterwards for the next file in this worker.
const TIMEOUTS = { SUBGRAPH_TIMEOUT_MS: '20000', GATEWAY_REQUEST_TIMEOUT_MS: '30000' };
const saved = Object.fromEntries(Object.keys(TIMEOUTS).map((k) => [k, process.env[k]]));

beforeAll(async () => {
  Object.assign(process.env, TIMEOUTS);
  stack = await startStack();
  for (const department of Object.values(stack.departments)) {
    onCommand(department.connection, ({ name, collection }) => void (WRITES.has(name) && !BOOKKEEPING.has(collection) && writes++));
  }
  // The resident caller: one who reported a case in grid 1, so that own rows exist.
  const kase = await stack.departments.party!.models.JointCase.findOne({ gridId: GRID1 }).lean();
  subject = kase.reporterId;
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

interface Caller {
  label: string;
  identity: Identity | null;
  service?: boolean;
}
const nobody = { communityIds: [] as string[], gridIds: [] as string[] };

function callers(owner: string, purpose: string): Caller[] {
  const other = owner === 'employment' ? 'civil-affairs' : 'employment';
  const staff: Array<[string, string, Partial<Identity['scope']>]> = [
    ['GRID_WORKER', 'civil-affairs', { gridIds: [GRID1] }],
    ['PARTY_SECRETARY', 'party', { communityIds: [COMMUNITY] }],
    ['DEPARTMENT_CLERK', owner, { gridIds: [GRID1] }],
    ['DEPARTMENT_CLERK', other, { gridIds: [GRID1] }],
    ['PROPERTY_STAFF', 'property', { gridIds: [GRID1] }],
    ['AUDITOR', 'joint-unit', { communityIds: [COMMUNITY] }],
  ];
  const list: Caller[] = [
    { label: 'anonymous', identity: null },
    { label: 'SERVICE token', identity: { subject: 'walk-service', role: 'SERVICE', department: owner, scope: nobody }, service: true },
  ];
  for (const [role, department, scoped] of staff) {
    for (const scope of [nobody, { ...nobody, ...scoped }]) {
      for (const p of [undefined, purpose]) {
        const label = `${role}@${department}${scope === nobody ? '' : ' scoped'}${p ? ` for ${p}` : ''}`;
        list.push({ label, identity: { subject: `walk-${role.toLowerCase()}`, role, department, scope, ...(p ? { purpose: p } : {}) } });
      }
    }
  }
  for (const p of [undefined, purpose])
    list.push({ label: `RESIDENT${p ? ` for ${p}` : ''}`, identity: { subject, role: 'RESIDENT', department: 'resident', scope: nobody, ...(p ? { purpose: p } : {}) } });
  return list;
}

/** A row of `type` in `department`, preferring the resident caller's own, then grid 1, then community 1. */
async function sample(department: string, type: string) {
  const key = `${department}.${type}`;
  if (samples.has(key)) return samples.get(key)!;
  const model = stack.departments[department]?.models[type];
  let doc = null;
  if (model) {
    const scope = policies[department]!.get(type)?.scope ?? {};
    const prefs = [scope.resident && { [scope.resident]: subject }, scope.grid && { [scope.grid]: GRID1 }, scope.community && { [scope.community]: COMMUNITY }, {}];
    for (const filter of prefs.filter(Boolean) as Array<Record<string, string>>) if ((doc = await model.findOne(filter).lean())) break;
  }
  samples.set(key, doc);
  return doc;
}

const MODEL_OF: Record<string, string[]> = {
  organization: ['PartyOrganization'],
  branch: ['PartyOrganization'],
  parent: ['Grid', 'PartyOrganization'],
  member: ['PartyMember'],
  unit: ['ResponseUnit', 'Unit'],
  leadUnit: ['ResponseUnit'],
  helperUnit: ['ResponseUnit'],
  firstReceiverUnit: ['ResponseUnit'],
  duplicateOf: ['JointCase'],
  post: ['ServicePost', 'WelfarePost'],
  posting: ['JobPosting'],
  fund: ['WelfareFund'],
  course: ['TrainingCourse'],
  application: ['JobApplication'],
  enrolment: ['CourseEnrolment'],
  reporter: ['Resident'],
  holderResident: ['Resident'],
  subGrid: ['Grid'],
  patrol: ['EstatePatrol'],
  claimedBy: ['PartyMember'],
};

/** An id for an argument named `<thing>Id(s)`, from the answering department's rows first. */
async function idFor(name: string, department: string): Promise<string | undefined> {
  const base = name.replace(/Ids?$/, '');
  const types = MODEL_OF[base] ?? [base[0]!.toUpperCase() + base.slice(1)];
  for (const type of types)
    for (const d of [department, ...Object.keys(stack.departments)]) {
      const doc = await sample(d, type);
      if (doc) return doc._id;
    }
  return undefined;
}

async function probeOf(root: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>): Promise<Probe> {
  const department = [...owners.get(`${root}.${field.name}`)!][0]!;
  const rule = policies[department]!.get(root)!.fields.get(field.name)!;
  const named = getNamedType(field.type);
  const single = isObjectType(named) && !isListType(isNonNullType(field.type) ? field.type.ofType : field.type) && !('edges' in (named as GraphQLObjectType).getFields());
  // A query for one row answers with a known row (its scope decides); a mutation's answer is the row it writes.
  const target = single && root === 'Query' ? await sample(department, named.name) : null;
  const ids: Record<string, unknown> = {};
  const collect = async (name: string, type: any): Promise<void> => {
    const inner = getNamedType(type) as any;
    if (inner.name === 'ID' && name !== 'id') ids[name] = await idFor(name, department);
    else if ('getFields' in inner) for (const f of Object.values(inner.getFields()) as any[]) await collect(f.name, f.type);
  };
  for (const arg of field.args) await collect(arg.name, arg.type);
  const pick = (name: string) => {
    if (target && name === 'id') return target._id;
    if (target && name in target && typeof target[name] !== 'object') return target[name];
    return ids[name];
  };
  const values = Object.fromEntries(field.args.map((a) => [a.name, generate(a.type, a.name, pick)]));
  const chosen = selection(field, department, policies[department]!, owners);
  const { document, variables } = operation(root, field, values, chosen.text);
  return { root, field: field.name, department, rule, document, variables, steps: chosen.steps, leaves: chosen.leaves, ...(target ? { target, targetType: named.name } : {}) };
}

const tokens = new Map<string, string>();
/** Departments that did not answer in time on this shared machine are asked again (reads and refused writes only). */
const TRANSIENT = ['SUBGRAPH_TIMEOUT', 'SUBGRAPH_UNAVAILABLE', 'DATABASE_UNAVAILABLE', 'DEPENDENCY_UNAVAILABLE'];
async function send(probe: Probe, caller: Caller, n: number, retry = true) {
  const headers = { 'x-request-id': `walk-${n}-${probe.field}`.slice(0, 64) };
  const key = JSON.stringify(caller.identity);
  if (caller.identity && !tokens.has(key)) tokens.set(key, await stack.token('civil-affairs-clerk', caller.identity));
  for (let attempt = 1; ; attempt++) {
    const answer = await stack.post(probe.document, probe.variables, caller.identity ? { token: tokens.get(key)!, headers } : { as: null, headers });
    if (!retry || attempt === 3 || !answer.body.errors?.some((e) => TRANSIENT.includes(e.extensions?.code))) return answer;
    totals.retried++;
    await new Promise((resolve) => setTimeout(resolve, 2500)); // past the breaker's reset
  }
}

const totals = {
  retried: 0,
  requests: 0,
  unauthenticated: 0,
  forbidden: 0,
  scopeRefused: 0,
  data: 0,
  inputErrors: 0,
  masked: 0,
  deniedLeaves: 0,
  refusedWrites: 0,
  refusedInResolver: 0,
  changedAllowed: 0,
};

const codes = new Map<string, number>();

/** Checks one answer against the rules; returns the outcome seen. */
function check(probe: Probe, caller: Caller, answer: { status: number; body: { data?: any; errors?: any[] } }): string {
  totals.requests++;
  const where = `${probe.root}.${probe.field} as ${caller.label}`;
  const exp = expected(probe, policies[probe.department]!, caller.service ? null : caller.identity);
  const errors = answer.body.errors ?? [];
  if (exp.outcome === 'UNAUTHENTICATED') {
    expect({ where, status: answer.status, data: answer.body.data, code: errors[0]?.extensions?.code }).toEqual({ where, status: 401, data: undefined, code: 'UNAUTHENTICATED' });
    totals.unauthenticated++;
    return 'UNAUTHENTICATED';
  }
  const refusals = new Set(errors.filter((e) => REFUSALS.includes(e.extensions?.code)).map((e) => pattern(e.path)));
  const rootValues = valuesAt(answer.body.data ?? {}, probe.field);
  if (exp.outcome === 'FORBIDDEN') {
    const others = errors.filter((e) => !REFUSALS.includes(e.extensions?.code)).map((e) => `${e.extensions?.code}: ${e.message}`);
    expect({ where, refused: refusals.has(probe.field), values: rootValues.filter((v) => v !== null), others }).toEqual({ where, refused: true, values: [], others: [] });
    const scope = errors.some((e) => pattern(e.path) === probe.field && e.extensions?.reason === 'scope');
    totals[scope ? 'scopeRefused' : 'forbidden']++;
    return 'FORBIDDEN';
  }
  expect({ where, status: answer.status, internal: errors.filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR') }).toEqual({
    where,
    status: 200,
    internal: [],
  });
  if (refusals.has(probe.field)) return 'REFUSED_IN_RESOLVER'; // per-step and per-row checks of the resolver itself
  expect({ where, unexpected: [...refusals].filter((r) => !exp.refused.has(r)) }).toEqual({ where, unexpected: [] });
  for (const path of exp.refused) {
    const parent = path.split('.').slice(0, -1).join('.');
    if (valuesAt(answer.body.data ?? {}, parent).some((v) => v !== null)) {
      expect({ where, path, refused: refusals.has(path) }).toEqual({ where, path, refused: true });
      totals.deniedLeaves++;
    }
  }
  for (const path of exp.masked) {
    for (const value of valuesAt(answer.body.data ?? {}, path)) {
      expect({ where, path, masked: value === null || String(value).includes('*') }).toEqual({ where, path, masked: true });
      totals.masked++;
    }
  }
  const other = errors.filter((e) => !REFUSALS.includes(e.extensions?.code));
  for (const e of other) codes.set(e.extensions.code, (codes.get(e.extensions.code) ?? 0) + 1);
  if (other.length) totals.inputErrors++;
  else totals.data++;
  return 'DATA';
}

async function snapshot(): Promise<string> {
  const hash = createHash('sha256');
  for (const [name, department] of Object.entries(stack.departments)) {
    const db = department.connection.db!;
    const collections = (await db.listCollections().toArray())
      .map((c) => c.name)
      .filter((c) => !BOOKKEEPING.has(c))
      .sort();
    for (const c of collections) for (const doc of await db.collection(c).find().sort({ _id: 1 }).toArray()) hash.update(`${name}.${c} ${JSON.stringify(doc)}\n`);
  }
  return hash.digest('hex');
}

async function pool<T>(items: T[], size: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

test('every root field answers each caller what the SDL rules say; refused mutations change nothing', async () => {
  const started = Date.now();
  const fields = (root: 'Query' | 'Mutation') => Object.values((schema.getType(root) as GraphQLObjectType).getFields()).map((f) => [root, f] as const);
  const queries = await Promise.all(fields('Query').map(([r, f]) => probeOf(r, f)));
  const mutations = await Promise.all(fields('Mutation').map(([r, f]) => probeOf(r, f)));
  const purposeOf = (p: Probe) => p.rule.purposes?.[0] ?? 'CASE_HANDLING';

  const queryCalls = queries.flatMap((probe) => callers(probe.department, purposeOf(probe)).map((caller) => ({ probe, caller })));
  await pool(queryCalls, 4, async ({ probe, caller }, i) => void check(probe, caller, await send(probe, caller, i)));

  const queriesDone = Date.now();
  // Mutations the rules refuse: no write command may reach any database while they run (the total, so they can run
  // side by side), the databases end as they were, and each refusal a department saw left an access record.
  const mutationCalls = mutations.flatMap((probe) => callers(probe.department, purposeOf(probe)).map((caller) => ({ probe, caller })));
  const refusedByRule = mutationCalls.filter(({ probe, caller }) => expected(probe, policies[probe.department]!, caller.service ? null : caller.identity).outcome !== 'DATA');
  const before = await snapshot();
  const audited: Array<{ requestId: string; department: string; field: string }> = [];
  writes = 0;
  await pool(refusedByRule, 4, async ({ probe, caller }, i) => {
    const n = queryCalls.length + i;
    if (check(probe, caller, await send(probe, caller, n)) === 'FORBIDDEN') {
      audited.push({ requestId: `walk-${n}-${probe.field}`.slice(0, 64), department: probe.department, field: `Mutation.${probe.field}` });
    }
    totals.refusedWrites++;
  });
  expect({ refused: refusedByRule.length, writes }).toEqual({ refused: refusedByRule.length, writes: 0 });
  expect(await snapshot()).toBe(before);
  for (const name of Object.keys(stack.departments)) {
    const mine = audited.filter((a) => a.department === name);
    const records = await stack.departments[name]!.connection.db!.collection(AUDIT_COLLECTION)
      .find({ requestId: { $in: mine.map((a) => a.requestId) } })
      .toArray();
    const byRequest = new Map(records.map((r) => [r.requestId, r.refused]));
    for (const a of mine) expect({ ...a, refused: byRequest.get(a.requestId) }).toEqual({ ...a, refused: [a.field] });
  }

  const refusedDone = Date.now();
  // The callers the rules let through, one at a time: never refused by a rule; a refusal of the resolver's own checks
  // (who leads a case, whose wish) writes nothing either.
  const refusedSet = new Set(refusedByRule);
  for (const [i, { probe, caller }] of mutationCalls.filter((c) => !refusedSet.has(c)).entries()) {
    writes = 0;
    const outcome = check(probe, caller, await send(probe, caller, queryCalls.length + refusedByRule.length + i, false));
    if (outcome === 'REFUSED_IN_RESOLVER') {
      expect({ field: probe.field, caller: caller.label, writes }).toEqual({ field: probe.field, caller: caller.label, writes: 0 });
      totals.refusedInResolver++;
    } else if (writes > 0) totals.changedAllowed++;
  }

  console.log(
    [
      `policy walk: ${queries.length} queries and ${mutations.length} mutations of the supergraph, ${totals.requests} requests through the gateway in ${((Date.now() - started) / 1000).toFixed(0)} s ` +
        `(queries ${((queriesDone - started) / 1000).toFixed(0)} s, refused mutations ${((refusedDone - queriesDone) / 1000).toFixed(0)} s)`,
      `  anonymous and SERVICE-token callers: ${totals.unauthenticated} answered 401 UNAUTHENTICATED, 0 with data`,
      `  refused by a rule: ${totals.forbidden} FORBIDDEN, ${totals.scopeRefused} out of scope; answered: ${totals.data} with data, ${totals.inputErrors} with another error (${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}); ${totals.retried} retried after a timeout`,
      `  governed leaves checked: ${totals.masked} masked values, ${totals.deniedLeaves} refused leaves`,
      `  refused mutations: ${totals.refusedWrites} (${audited.length} with an access record of the refusal), 0 write commands, databases unchanged (${before.slice(0, 12)})`,
      `  mutations the rules allow: ${totals.changedAllowed} wrote, ${totals.refusedInResolver} refused by the resolver's own checks with 0 writes, the rest refused the generated input`,
    ].join('\n'),
  );
  expect(totals.unauthenticated).toBeGreaterThan(0);
  expect(totals.forbidden).toBeGreaterThan(0);
  expect(totals.data).toBeGreaterThan(0);
});
