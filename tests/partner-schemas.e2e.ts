import { readFileSync } from 'node:fs';
import { stableId } from '@cg/kit';
import { manifestPath } from '@cg/gateway/trusted-documents';
import { postGraphQL, startStack, type Stack } from '@cg/kit/testing';

// What a client may run: a partner's contract (/graphql/<contract>) and a front-end app's trusted documents.
let stack: Stack;
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
const dossierId = Object.keys(manifest).find((id) => /\bquery JointCaseDossier\b/.test(manifest[id]!))!;

beforeAll(async () => {
  stack = await startStack({ gateway: { trustedDocuments: { enforce: true, clients: ['resident-app'], adHocRoles: ['AUDITOR'] } } });
}, 120_000);
afterAll(() => stack.stop());

const at = (contract: string) => `${stack.gatewayUrl}/${contract}`;
const bearer = (token: string, more: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...more });
const partnerToken = () => stack.token('property-partner', { contract: 'property-partner' });
const codes = (body: { errors?: any[] }) => body.errors?.map((e) => e.extensions?.code);

describe('contracts', () => {
  test("a property partner's token on /graphql/property-partner cannot even name a civil-affairs care field", async () => {
    const token = await partnerToken();
    for (const query of [
      '{ careProfiles { totalCount } }',
      '{ jointCases { edges { node { reporter { care { flags } } } } } }',
      '{ resident(id: "0123456789abcdef01234567") { name } }',
    ]) {
      const { status, body } = await postGraphQL(at('property-partner'), query, {}, bearer(token));
      expect({ query, status, codes: codes(body), data: body.data }).toEqual({ query, status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'], data: undefined });
      expect(body.errors![0].message).toMatch(/^Cannot query field "(careProfiles|reporter|resident)" on type "(Query|JointCase)"/);
    }
    // The care type is not in the contract's introspection either, while the full schema has it.
    const introspect = '{ __type(name: "CareProfile") { name } }';
    expect((await postGraphQL(at('property-partner'), introspect, {}, bearer(token))).body.data).toEqual({ __type: null });
    expect((await stack.query(introspect)).data).toEqual({ __type: { name: 'CareProfile' } });
  });

  test('inside the contract the partner reads its estates and service orders, under the same access rules', async () => {
    const { status, body } = await postGraphQL(
      at('property-partner'),
      '{ estates(first: 3) { totalCount edges { node { name buildings { totalCount edges { node { number } } } } } } serviceOrders(first: 1) { totalCount } }',
      {},
      bearer(await partnerToken()),
    );
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    expect(body.data.estates.totalCount).toBeGreaterThan(0);
    expect(body.data.estates.edges[0].node.buildings.totalCount).toBeGreaterThan(0);
    // A contract narrows the schema only: a role the rules refuse is still refused there.
    const resident = await stack.token('resident');
    const refused = await postGraphQL(at('property-partner'), '{ estates(first: 1) { totalCount } }', {}, bearer(resident));
    expect(codes(refused.body)).toEqual(['FORBIDDEN']);
  });

  test('a bound token is refused on the full schema and on other contracts; an unknown contract is not the full schema', async () => {
    const token = await partnerToken();
    for (const url of [stack.gatewayUrl, at('open-data'), at('response-unit')]) {
      const { status, body } = await postGraphQL(url, '{ estates(first: 1) { totalCount } }', {}, bearer(token));
      expect({ url, status, error: body.errors?.[0]?.extensions }).toEqual({ url, status: 403, error: { code: 'FORBIDDEN', reason: 'contract', contract: 'property-partner' } });
    }
    const unknown = await postGraphQL(at('no-such-contract'), '{ __typename }', {}, bearer(await stack.token('civil-affairs-clerk')));
    expect({ status: unknown.status, codes: codes(unknown.body) }).toEqual({ status: 404, codes: ['NOT_FOUND'] });
    // An unbound staff token may use any contract; the contract still leaves out what it leaves out.
    const clerk = await stack.token('civil-affairs-clerk');
    const open = await postGraphQL(
      at('open-data'),
      '{ jointCaseMeasures(scope: { from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z" }) { cases resolutionRate } }',
      {},
      bearer(clerk),
    );
    expect(open.body.errors).toBeUndefined();
    expect(open.body.data.jointCaseMeasures.cases).toBeGreaterThan(0);
    expect(codes((await postGraphQL(at('open-data'), '{ jointCases { totalCount } }', {}, bearer(clerk))).body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('trusted documents', () => {
  const app = { 'apollographql-client-name': 'resident-app' };
  const variables = { id: stableId('joint-case', 'none') };

  test("a trusted client's unregistered text is refused in production mode, and changes nothing", async () => {
    const { status, body } = await postGraphQL(stack.gatewayUrl, '{ residents { totalCount } }', {}, bearer(await stack.token('civil-affairs-clerk'), app));
    expect({ status, codes: codes(body) }).toEqual({ status: 400, codes: ['PERSISTED_QUERY_REQUIRED'] });
    const cases = stack.departments.party!.models.JointCase;
    const before = await cases.countDocuments();
    const me = stableId('resident', 'YHM0101000', 0);
    const submit = 'mutation($input: SubmitJointCaseInput!) { submitJointCase(input: $input) { id } }';
    const refused = await postGraphQL(
      stack.gatewayUrl,
      submit,
      { input: { reporterId: me, buildingId: me, category: 'WATER', description: '没水' } },
      bearer(await stack.token('resident'), app),
    );
    expect({ status: refused.status, codes: codes(refused.body) }).toEqual({ status: 400, codes: ['PERSISTED_QUERY_REQUIRED'] });
    expect(await cases.countDocuments()).toBe(before);
    const unknown = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(await stack.token('civil-affairs-clerk'), app) },
      body: JSON.stringify({ documentId: `sha256:${'0'.repeat(64)}` }),
    });
    expect({ status: unknown.status, codes: codes(await unknown.json()) }).toEqual({ status: 400, codes: ['PERSISTED_QUERY_NOT_FOUND'] });
  });

  test('its registered operations run, by documentId, by Apollo persisted-query hash, over GET, or as the registered text', async () => {
    const headers = { 'content-type': 'application/json', ...bearer(await stack.token('party-secretary'), app) };
    const byId = await fetch(stack.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ documentId: dossierId, variables }) });
    expect({ status: byId.status, body: await byId.json() }).toEqual({ status: 200, body: { data: { jointCase: null } } });
    const byHash = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: dossierId.replace('sha256:', '') } } }),
    });
    expect({ status: byHash.status, body: await byHash.json() }).toEqual({ status: 200, body: { data: { jointCase: null } } });
    const params = new URLSearchParams({ documentId: dossierId, variables: JSON.stringify(variables) });
    const get = await fetch(`${stack.gatewayUrl}?${params}`, { headers: { ...headers, 'apollo-require-preflight': 'true' } });
    expect({ status: get.status, body: await get.json() }).toEqual({ status: 200, body: { data: { jointCase: null } } });
    const text = await postGraphQL(stack.gatewayUrl, manifest[dossierId]!, variables, bearer(await stack.token('party-secretary'), app));
    expect(text.body).toEqual({ data: { jointCase: null } });
  });

  test('roles allowed ad-hoc queries, and clients not configured as trusted, send any text', async () => {
    const auditor = await postGraphQL(stack.gatewayUrl, '{ __typename }', {}, bearer(await stack.token('auditor'), app));
    expect(auditor.body).toEqual({ data: { __typename: 'Query' } });
    const other = await postGraphQL(stack.gatewayUrl, '{ __typename }', {}, bearer(await stack.token('civil-affairs-clerk'), { 'apollographql-client-name': 'analyst-notebook' }));
    expect(other.body).toEqual({ data: { __typename: 'Query' } });
  });
});
