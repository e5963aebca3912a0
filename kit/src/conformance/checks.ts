import { parse } from 'graphql';
import { decide, effectiveRule, PURPOSES, type AccessRule } from '../auth/policy';
import type { Identity } from '../identity';
import type { DepartmentClient } from './client';
import { composeWith, type ServiceDefinition } from './composition';
import { callableWithoutArguments, fail, listedType, modelOf, pass, type CheckResult, type DepartmentModel } from './model';

const PROBE = '{"query":"{ __typename }"}';
const PREFERRED = ['DEPARTMENT_CLERK', 'SERVICE', 'GRID_WORKER', 'PARTY_SECRETARY', 'PROPERTY_STAFF', 'AUDITOR'];
export const MISSING_ID = 'ffffffffffffffffffffffff';

/** An identity for which every rule gives the full value, if the department has one (never a RESIDENT: row scope). */
export function identityFor(client: DepartmentClient, ...rules: Array<AccessRule | undefined>): Identity | null {
  for (const role of PREFERRED) {
    for (const purpose of [undefined, ...PURPOSES]) {
      const identity = client.identity(role, purpose);
      if (rules.every((rule) => decide(rule, identity) === 'full')) return identity;
    }
  }
  return null;
}

export async function checkHealth(client: DepartmentClient): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const path of ['live', 'ready'] as const) {
    const name = `GET /health/${path}`;
    try {
      const { status, body } = await client.health(path);
      const ok = status === 200 && typeof body === 'object' && body !== null;
      results.push(
        ok
          ? pass(name, `200 ${JSON.stringify(body).slice(0, 80)}`)
          : fail(name, `answered ${status}`, `serve GET /health/${path} beside /graphql with 200 and a JSON body (docs/department-protocol.md §6)`),
      );
    } catch (error) {
      results.push(fail(name, (error as Error).message, `serve GET /health/${path} on the same host and port as /graphql`));
    }
  }
  return results;
}

/** The five ways a request not signed by the gateway for this department arrives; each must be a 401 UNAUTHENTICATED. */
export async function checkSigning(client: DepartmentClient): Promise<CheckResult[]> {
  const identity = client.identity('DEPARTMENT_CLERK');
  const refused = (answer: { status: number; body: { errors?: Array<{ extensions?: Record<string, unknown> }> } | null }) =>
    answer.status === 401 && answer.body?.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
  const describe = (answer: { status: number; body: unknown }) => `answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 100)}`;
  const results: CheckResult[] = [];
  const valid = client.headers(PROBE, identity);
  const first = await client.send(PROBE, valid);
  results.push(
    first.status === 200 && first.body?.data?.__typename === 'Query'
      ? pass('signed request accepted', 'a correctly signed { __typename } answered 200')
      : fail(
          'signed request accepted',
          describe(first),
          'verify cg-v1 exactly as docs/department-protocol.md §2 and docs/department-protocol-vectors.json say; check the secret (<NAME>_HMAC_SECRET or the development secret)',
        ),
  );
  const cases: Array<[string, () => Promise<{ status: number; body: { errors?: Array<{ extensions?: Record<string, unknown> }> } | null }>, string]> = [
    [
      'unsigned request refused',
      () => client.send(PROBE, client.headers(PROBE, identity, { unsigned: true })),
      'refuse a request without x-cg-timestamp/x-cg-nonce/x-cg-signature with 401 UNAUTHENTICATED (reason "unsigned")',
    ],
    [
      'altered body refused',
      () => client.send(PROBE, client.headers(PROBE, identity), PROBE.replace('{ __typename }', '{  __typename }')),
      'hash the raw body bytes as received and compare the HMAC in constant time: 401 reason "bad signature"',
    ],
    [
      'request signed for another department refused',
      () => client.send(PROBE, client.headers(PROBE, identity, { signFor: client.name === 'party' ? 'property' : 'party' })),
      "key the HMAC with this department's own secret and put its own name on the payload's second line",
    ],
    [
      'expired request refused',
      () => client.send(PROBE, client.headers(PROBE, identity, { timestamp: Date.now() - 61_000 })),
      'refuse timestamps more than 60 s from your clock: 401 reason "stale"',
    ],
    ['replayed request refused', () => client.send(PROBE, valid), 'claim each nonce in a store shared by all replicas; a second use is 401 reason "replayed"'],
  ];
  for (const [name, send, fix] of cases) {
    const answer = await send();
    results.push(refused(answer) ? pass(name, `401 ${String(answer.body?.errors?.[0]?.extensions?.reason ?? '')}`.trim()) : fail(name, describe(answer), fix));
  }
  return results;
}

/** `_service { sdl }`, parsed and composed with the current departments (a same-named one replaced). */
export async function checkSchema(client: DepartmentClient, current: ServiceDefinition[]): Promise<{ results: CheckResult[]; model?: DepartmentModel; sdl?: string }> {
  const answer = await client.query('{ _service { sdl } }', undefined, client.identity('SERVICE'));
  const sdl = (answer.body?.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl !== 'string') {
    return {
      results: [
        fail(
          '_service { sdl }',
          `no SDL: ${JSON.stringify(answer.body).slice(0, 160)}`,
          "serve Apollo Federation 2: Query._service { sdl } (e.g. Spring for GraphQL's federation support)",
        ),
      ],
    };
  }
  const results = [pass('_service { sdl }', `${sdl.length} characters`)];
  // Any argument order and spacing: graphql-java prints `@link(import : [...], url : "…")`.
  if (!/@link\([^)]*\burl\s*:\s*"https:\/\/specs\.apollo\.dev\/federation\/v2/.test(sdl)) {
    results.push(
      fail(
        'Federation 2 SDL',
        'no @link to https://specs.apollo.dev/federation/v2.x',
        'add `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])`',
      ),
    );
  }
  let model: DepartmentModel | undefined;
  try {
    model = modelOf(parse(sdl));
  } catch (error) {
    results.push(
      fail('SDL builds', (error as Error).message, 'fix the SDL; it must build as a subgraph schema and use @access/@scope/@reads as kit/schema/common.graphql declares them'),
    );
    return { results, sdl };
  }
  let composed: ReturnType<typeof composeWith>;
  try {
    composed = composeWith({ name: client.name, url: client.url, sdl }, current);
  } catch (error) {
    composed = { errors: [(error as Error).message], services: current };
  }
  const others = current
    .filter((s) => s.name !== client.name)
    .map((s) => s.name)
    .join(', ');
  results.push(
    composed.supergraphSdl
      ? pass('composes with the current supergraph', `with ${others}`)
      : fail(
          'composes with the current supergraph',
          composed.errors.join('\n      '),
          'rename clashing types or fields, mark shared value types @shareable, declare @access on every type and Query/Mutation field (docs/department-protocol.md §3)',
        ),
  );
  return { results, model, sdl };
}

/** Ids of `type` the department lists from a root field callable without arguments, for hits in `_entities`. */
export async function discoverIds(client: DepartmentClient, model: DepartmentModel, type: string): Promise<string[]> {
  const query = model.schema.getQueryType();
  for (const field of Object.values(query?.getFields() ?? {})) {
    const listed = listedType(field.type);
    if (field.name.startsWith('_') || listed?.type.name !== type || !callableWithoutArguments(field)) continue;
    const identity = identityFor(client, effectiveRule(model.policy, 'Query', field.name), model.policy.get(type)?.rule);
    if (!identity) continue;
    const selection = listed.path.reduceRight((inner, step) => `{ ${step} ${inner} }`, '{ id }');
    const answer = await client.query(`{ ${field.name} ${selection} }`, undefined, identity);
    let value: unknown = answer.body?.data?.[field.name];
    for (const step of listed.path) value = ([value].flat() as Array<Record<string, unknown>>).flatMap((v) => (v ? [v[step]] : [])).flat();
    const ids = ([value].flat() as Array<{ id?: unknown } | null>).map((v) => v?.id).filter((id): id is string => typeof id === 'string');
    if (ids.length) return [...new Set(ids)].slice(0, 3);
  }
  return [];
}
