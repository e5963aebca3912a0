import { signedHeaders, stableId, type Identity } from '@cg/kit';
import { DEMO_IDENTITIES, mintDevToken } from '../../gateway/src/auth';
import { exampleOperation } from '../../gateway/src/examples';
import { GRID_WORKER, PROPERTY, resident, UNITS } from '../../tests/support/jointCase';
import { buildCoreWorld } from '../../scripts/seed/world';
import type { LoadAnswer, LoadRequest } from './load';

/** The operations of bench/perf.ts and who sends them (tokens signed with the development keys the gateways trust). */

const CLERK = DEMO_IDENTITIES['civil-affairs-clerk']!;

export const tokenFor = (identity: Omit<Identity, 'purpose'> & { purpose?: string }) => mintDevToken(identity, { expiresIn: '2h' });

/** Scenario 1: one department; a random head of household of the scale each time (by-id lookups). */
const RESIDENT_QUERY = 'query ResidentCard($id: ID!) { resident(id: $id) { id name idNumber age sex household { fileNumber tenure } grid { code name } } }';

const heads = new Map<string, string[]>();
/** Every head of household of a scale, as the seed builds them (built once per scale: seconds at bench). */
export function headOfHouseholdIds(scaleName: string): string[] {
  if (!heads.has(scaleName)) {
    const residents = buildCoreWorld(scaleName).world['civil-affairs']!.Resident!;
    heads.set(
      scaleName,
      residents.filter((r) => r.relationToHead === '户主').map((r) => r._id),
    );
  }
  return heads.get(scaleName)!;
}

/** Scenario 2: docs/operations/case-dossier.graphql, read by a party secretary handling the case. */
export const DOSSIER_QUERY = exampleOperation('docs/operations/case-dossier.graphql').query;
export const SECRETARY = { ...DEMO_IDENTITIES['party-secretary']!, scope: { communityIds: [], gridIds: [] }, purpose: 'CASE_HANDLING' };

/** Scenario 3: 100 cases, each with its reporter, building, grid branch and the reporter's employment status. */
export const CASE_LIST_QUERY = `query CaseList { jointCases(first: 100) { edges { node {
  id status category reporter { name employmentStatus { status } } building { number } gridBranch { name }
} } } }`;

const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/** A request through a gateway, as `token`'s holder. */
export const viaGateway = (token: string, makeBody: () => string): LoadRequest => ({
  setup: () => ({ headers: { authorization: `Bearer ${token}` }, body: makeBody() }),
});

/** The same operation sent to a department directly, signed afresh each time as the gateway would sign it. */
export const direct = (department: string, makeBody: () => string, identity: Identity = { ...CLERK }): LoadRequest => ({
  setup: () => {
    const text = makeBody();
    return { headers: signedHeaders(department, text, identity, `bench-${Math.random().toString(36).slice(2)}`), body: text };
  },
});

export const residentBody = (ids: string[]) => () => body(RESIDENT_QUERY, { id: ids[Math.floor(Math.random() * ids.length)] });
export const fixedBody = (query: string, variables?: Record<string, unknown>) => {
  const text = body(query, variables);
  return () => text;
};

/**
 * Scenario 4: per connection, a case's life up to 回单: submit (the reporter) → dispatch (grid worker) → accept,
 * start, resolve the task, resolve (the property company), each step with the version the previous answer gave.
 */
/** What a case mutation answers under `name`: the case's id and version. */
const caseAnswer = (answer: LoadAnswer, name: string) => answer.data?.[name] as { id?: string; version?: number } | null | undefined;

export async function caseTransitions(reporter: { residentId: string; unitId: string }): Promise<LoadRequest[]> {
  const tokens = { reporter: await tokenFor(resident(reporter.residentId)), grid: await tokenFor(GRID_WORKER), property: await tokenFor(PROPERTY) };
  const fields = '{ id version status }';
  const step = (who: keyof typeof tokens, name: string, args: string): LoadRequest => ({
    setup: (ctx) => ({
      headers: { authorization: `Bearer ${tokens[who]}` },
      body: body(`mutation { ${name}(id: ${JSON.stringify(ctx.id ?? stableId('missing'))}, expectedVersion: ${ctx.version ?? 0}${args}) ${fields} }`),
    }),
    check: (answer, ctx) => {
      ctx.version = caseAnswer(answer, name)?.version;
      return caseAnswer(answer, name) != null;
    },
  });
  const submit: LoadRequest = {
    setup: () => ({
      headers: { authorization: `Bearer ${tokens.reporter}` },
      body: body(`mutation($input: SubmitJointCaseInput!) { submitJointCase(input: $input) ${fields} }`, {
        input: { reporterId: reporter.residentId, unitId: reporter.unitId, category: 'WATER', description: '楼道水管漏水（压测）', firstReceiverUnitId: UNITS.property },
      }),
    }),
    check: (answer, ctx) => {
      Object.assign(ctx, { id: caseAnswer(answer, 'submitJointCase')?.id, version: caseAnswer(answer, 'submitJointCase')?.version });
      return ctx.id != null;
    },
  };
  return [
    submit,
    step('grid', 'dispatchJointCase', ''),
    step('property', 'acceptJointCaseTask', `, unitId: "${UNITS.property}"`),
    step('property', 'startJointCase', ''),
    step('property', 'resolveJointCaseTask', `, unitId: "${UNITS.property}"`),
    step('property', 'resolveJointCase', ', note: "已处理"'),
  ];
}

export const DEMO_CLERK = CLERK;

async function gql<Data>(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<Data> {
  const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body(query, variables) });
  const parsed = (await answer.json()) as { data?: Data; errors?: unknown[] };
  if (!parsed.data || parsed.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(parsed.errors ?? parsed).slice(0, 400)}`);
  return parsed.data;
}

/** The newest case of the seeded world: the dossier every target answers. */
export const firstCaseId = async (gatewayUrl: string, token: string): Promise<string> =>
  (await gql<{ jointCases: { edges: Array<{ node: { id: string } }> } }>(gatewayUrl, token, '{ jointCases(first: 1) { edges { node { id } } } }')).jointCases.edges[0]!.node.id;

/** A resident and the dwelling they live in, who reports the benchmark's cases. */
export async function reporterOf(gatewayUrl: string, token: string, residentId: string) {
  const data = await gql<{ resident: { household: { dwelling: { id: string } } } }>(gatewayUrl, token, 'query($id: ID!) { resident(id: $id) { household { dwelling { id } } } }', {
    id: residentId,
  });
  return { residentId, unitId: data.resident.household.dwelling.id };
}

/** Has the monolith record the reads of one answer (bench/monolith.ts); fails unless that answer was complete. */
export async function record(monolithUrl: string, name: string, query: string, variables: Record<string, unknown> | undefined, token: string) {
  const answer = await fetch(monolithUrl.replace(/graphql$/, `record/${name}`), {
    method: 'POST',
    body: JSON.stringify({ query, variables, headers: { authorization: `Bearer ${token}` } }),
  });
  const recorded = (await answer.json()) as { reads: number; answer: { errors?: unknown[] } };
  if (recorded.answer.errors?.length) throw new Error(`monolith recording of ${name}: ${JSON.stringify(recorded.answer.errors).slice(0, 400)}`);
  console.error(`[bench] monolith recorded ${recorded.reads} reads for ${name}`);
}
