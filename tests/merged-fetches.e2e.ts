import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { stableId, supergraphPath } from '@cg/kit';
import { exampleOperation } from '@cg/gateway/examples';
import { DEMO_IDENTITIES, mintDevToken } from '@cg/gateway/auth';
import { startGateway } from '@cg/gateway';
import { postGraphQL, startStack, type Stack } from '@cg/kit/testing';

// The parallel `_entities` fetches of one plan level to one department go out as one HTTP request: counted by the
// departments themselves, against the query planner's own plan, with the same answers as with merging off.
let stack: Stack;
let merged: Awaited<ReturnType<typeof startGateway>>;
let separate: Awaited<ReturnType<typeof startGateway>>;
const supergraph = Supergraph.build(readFileSync(supergraphPath, 'utf8'));
const planner = new QueryPlanner(supergraph);

beforeAll(async () => {
  stack = await startStack();
  const urls = Object.fromEntries(Object.entries(stack.departments).map(([name, d]) => [name, d.url]));
  merged = await startGateway({ urls, mergeFetches: true, limits: { ratePoints: 1_000_000 } });
  separate = await startGateway({ urls, mergeFetches: false, limits: { ratePoints: 1_000_000 } });
}, 120_000);
afterAll(async () => {
  await merged?.stop();
  await separate?.stop();
  await stack.stop();
});

type Counts = Record<string, number>;

/** The fetches that start the moment `node` starts, and the nodes that start later (after a fetch they wait on). */
function starts(node: PlanNode): { now: FetchNode[]; later: PlanNode[] } {
  switch (node.kind) {
    case 'Fetch':
      return { now: [node], later: [] };
    case 'Flatten':
      return starts(node.node);
    case 'Sequence': {
      const first = starts(node.nodes[0]!);
      return { now: first.now, later: [...first.later, ...node.nodes.slice(1)] };
    }
    case 'Parallel': {
      const all = node.nodes.map(starts);
      return { now: all.flatMap((s) => s.now), later: all.flatMap((s) => s.later) };
    }
    default:
      throw new Error(`plan node ${node.kind} is not expected in these operations`);
  }
}

/**
 * HTTP requests per department for a plan: one per fetch, or, merged, one per department for the `_entities`
 * fetches (those with `requires`) that start together (a plan level); root fetches stay one each.
 */
function expectedRequests(node: PlanNode, merge: boolean, into: Counts = {}): Counts {
  const { now, later } = starts(node);
  const seen = new Set<string>();
  for (const fetch of now) {
    if (merge && fetch.requires && seen.has(fetch.serviceName)) continue;
    if (fetch.requires) seen.add(fetch.serviceName);
    into[fetch.serviceName] = (into[fetch.serviceName] ?? 0) + 1;
  }
  for (const next of later) expectedRequests(next, merge, into);
  return into;
}

const planOf = (query: string) => planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query))).node as PlanNode;

/** Operations each department answered, from its own /metrics. */
async function departmentRequests(): Promise<Counts> {
  const counts: Counts = {};
  for (const [name, d] of Object.entries(stack.departments)) {
    const text = await (await fetch(d.url.replace(/graphql$/, 'metrics'))).text();
    counts[name] = text
      .split('\n')
      .filter((l) => l.startsWith('graphql_requests_total{'))
      .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  }
  return counts;
}

/** The answer and the department requests it took; departments with none are left out. */
async function run(gatewayUrl: string, token: string, query: string, variables: Record<string, unknown>) {
  const before = await departmentRequests();
  const { body } = await postGraphQL(gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
  const after = await departmentRequests();
  const requests = Object.fromEntries(
    Object.keys(after)
      .map((n) => [n, after[n]! - before[n]!])
      .filter(([, n]) => n),
  );
  return { body, requests };
}

const operations = [
  {
    name: 'the case dossier (docs/operations/case-dossier.graphql)',
    file: 'docs/operations/case-dossier.graphql',
    // civil affairs (reporter, grid, community, branch members' residents) and property (dwelling, building) side by side
    siblingFetches: true,
    identity: { ...DEMO_IDENTITIES['party-secretary']!, scope: { communityIds: [], gridIds: [] }, purpose: 'CASE_HANDLING' },
    variables: async (token: string) => {
      const { body } = await postGraphQL(merged.url, '{ jointCases(first: 1) { edges { node { id } } } }', {}, { authorization: `Bearer ${token}` });
      return { id: body.data.jointCases.edges[0].node.id };
    },
  },
  {
    name: "the README's example query (docs/example-query.graphql)",
    file: 'docs/example-query.graphql',
    // a chain: no plan level sends one department two fetches, so there is nothing to merge
    siblingFetches: false,
    identity: DEMO_IDENTITIES['civil-affairs-clerk']!,
    variables: async () => ({ id: stableId('resident', 'YHM0101000', 0) }),
  },
];

test.each(operations)('$name: one request per department per plan level, the same answer as unmerged', async ({ file, identity, variables, siblingFetches }) => {
  const { query } = exampleOperation(file);
  const token = await mintDevToken(identity, { expiresIn: '10m' });
  const vars = await variables(token);
  const plan = planOf(query);

  const one = await run(separate.url, token, query, vars);
  const two = await run(merged.url, token, query, vars);
  expect(one.body.errors).toBeUndefined();
  expect(two.body).toEqual(one.body);
  expect(one.requests).toEqual(expectedRequests(plan, false));
  expect(two.requests).toEqual(expectedRequests(plan, true));
  const total = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);
  expect(total(two.requests) < total(one.requests)).toBe(siblingFetches);
});
