import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, GraphQLError, parse } from 'graphql';
import { HEADERS } from '@cg/kit';
import { ResilientDataSource } from './datasource';
import type { Post } from './fetcher';
import { signingPost } from './signing';

// Merging one request's parallel `_entities` fetches to a department, and splitting the answer, against a real
// subgraph schema executed in process (the HTTP hop replaced by a function that counts what is sent).
process.env.SUBGRAPH_RETRIES = '0';

const schema = buildSubgraphSchema([
  {
    typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Person @key(fields: "id") { id: ID! name: String }
    type Place @key(fields: "id") { id: ID! label: String code: String }
  `),
    resolvers: {
      Person: {
        __resolveReference: async ({ id }: { id: string }) => {
          if (id === 'missing') throw new GraphQLError('no such person', { extensions: { code: 'NOT_FOUND' } });
          return { id };
        },
        name: ({ id }: { id: string }) => {
          if (id === 'secret') throw new GraphQLError('not for you', { extensions: { code: 'FORBIDDEN' } });
          return `name of ${id}`;
        },
      },
      Place: { __resolveReference: ({ id }: { id: string }) => ({ id, label: `label of ${id}`, code: `code of ${id}` }) },
    } as any,
  },
]);

interface Sent {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  headers: Record<string, string>;
}

/** A department answering over "HTTP" by executing the schema; `down` makes every attempt fail like a refused connection. */
function department(options: { down?: boolean } = {}) {
  const sent: Sent[] = [];
  const base: Post = async (_url, init) => {
    const body = JSON.parse(init.body);
    sent.push({ ...body, headers: init.headers });
    if (options.down) throw new TypeError('fetch failed');
    return Response.json(await graphql({ schema, source: body.query, variableValues: body.variables, operationName: body.operationName }));
  };
  return { sent, post: signingPost('people', base) };
}

/**
 * What the gateway reads of an answer: data, and errors without `locations` (the gateway never passes a department's
 * locations on, and in a merged document they point into the merged text).
 */
const plain = ({ data, errors }: { data?: Record<string, any> | null; errors?: ReadonlyArray<{ locations?: unknown }> }) => ({
  data,
  ...(errors ? { errors: errors.map(({ locations: _, ...rest }) => rest) } : {}),
});

const source = (post: Post, mergeFetches = true) => new ResilientDataSource({ name: 'people', url: 'http://people.invalid/graphql', post, mergeFetches });

/** What the gateway's executor passes for one `_entities` fetch of one incoming request (`context`). */
function entityFetch(context: object, index: number, query: string, variables: Record<string, unknown>) {
  const operationName = `Dossier__people__${index}`;
  const text = `query ${operationName}${query}`;
  return {
    kind: 'incoming operation',
    request: { query: text, variables, operationName },
    document: parse(text),
    context,
    incomingRequestContext: { operationName: 'Dossier', context },
  } as any;
}

const PERSON = '($representations:[_Any!]!){_entities(representations:$representations){...on Person{id name}}}';
// A fragment and a variable of the client's operation, as the planner leaves them in a fetch.
const PLACE =
  '($representations:[_Any!]!,$withCode:Boolean!){_entities(representations:$representations){...PlaceFields}} fragment PlaceFields on Place{label code@include(if:$withCode)}';
const people = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Person', id })) });
const places = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Place', id })) });

/** Three fetches of one request, issued in the same tick as the planner's Parallel node issues them. */
function threeFetches(context: object) {
  return [
    entityFetch(context, 1, PERSON, people('a', 'secret')),
    entityFetch(context, 2, PLACE, { ...places('x', 'y'), withCode: true }),
    entityFetch(context, 3, PERSON, people('b', 'missing', 'c')),
  ];
}

test('parallel fetches of one request go out as one signed request and come back split, errors with their own fetch', async () => {
  const merged = department();
  const alone = department();
  const [on, off] = [source(merged.post), source(alone.post, false)];
  const answers = (await Promise.all(threeFetches({}).map((f) => on.process(f)))).map(plain);
  const separately = (await Promise.all(threeFetches({}).map((f) => off.process(f)))).map(plain);

  expect(merged.sent).toHaveLength(1);
  expect(alone.sent).toHaveLength(3);
  const [request] = merged.sent;
  expect(request!.headers[HEADERS.signature]).toMatch(/^[0-9a-f]{64}$/);
  expect(request!.query).toContain('_v0__entities: _entities(representations: $_v0_representations)');
  expect(request!.query).toContain('_v1__entities: _entities(representations: $_v1_representations)');
  expect(request!.query).toContain('@include(if: $_v1_withCode)');
  expect(request!.query).toContain('fragment _v1_PlaceFields on Place');
  expect(request!.operationName).toBe('Dossier__people__1');
  expect(Object.keys(request!.variables).sort()).toEqual(['_v0_representations', '_v1_representations', '_v1_withCode', '_v2_representations']);

  // Each fetch gets exactly what it would have got alone: its data, and only its own errors, paths from `_entities`.
  expect(answers).toEqual(separately);
  expect(answers[0]!.data!._entities).toEqual([
    { id: 'a', name: 'name of a' },
    { id: 'secret', name: null },
  ]);
  expect(answers[0]!.errors).toEqual([expect.objectContaining({ message: 'not for you', path: ['_entities', 1, 'name'], extensions: { code: 'FORBIDDEN' } })]);
  expect(answers[1]).toEqual({
    data: {
      _entities: [
        { label: 'label of x', code: 'code of x' },
        { label: 'label of y', code: 'code of y' },
      ],
    },
  });
  expect(answers[2]!.data!._entities).toEqual([{ id: 'b', name: 'name of b' }, null, { id: 'c', name: 'name of c' }]);
  expect(answers[2]!.errors).toEqual([expect.objectContaining({ message: 'no such person', path: ['_entities', 1] })]);
});

test('a department that does not answer fails every fetch of the merged request, each with the code a client sees', async () => {
  const down = department({ down: true });
  const ds = source(down.post);
  const answers = await Promise.all(threeFetches({}).map((f) => ds.process(f)));
  expect(down.sent).toHaveLength(1);
  for (const answer of answers) {
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      { message: expect.stringContaining('"people" is unavailable'), extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'people', reason: 'unavailable' } },
    ]);
  }
});

test('a fetch whose failure nulls the whole merged answer fails alone: its siblings are asked again unmerged', async () => {
  const dept = department();
  const context = {};
  const ds = source(dept.post);
  // An unknown type makes `_entities` itself fail; the field is non-null, so the merged answer's data is null.
  const bad = entityFetch(context, 2, PERSON, { representations: [{ __typename: 'Nobody', id: 'z' }] });
  const fetches = [entityFetch(context, 1, PERSON, people('a', 'secret')), bad, entityFetch(context, 3, PLACE, { ...places('x'), withCode: false })];
  const [first, broken, third] = (await Promise.all(fetches.map((f) => ds.process(f)))).map(plain);
  expect(dept.sent.map((s) => s.operationName)).toEqual(['Dossier__people__1', 'Dossier__people__1', 'Dossier__people__3']);
  // Its own error (a field) did not null it: it is asked again and keeps its data and that error.
  expect(first).toEqual({
    data: {
      _entities: [
        { id: 'a', name: 'name of a' },
        { id: 'secret', name: null },
      ],
    },
    errors: [expect.objectContaining({ path: ['_entities', 1, 'name'] })],
  });
  expect(third).toEqual({ data: { _entities: [{ label: 'label of x' }] } });
  expect(broken!.data).toBeFalsy();
  expect(broken!.errors).toEqual([expect.objectContaining({ path: ['_entities'] })]);
});

test('fetches of different incoming requests, root fetches and fetches with merging off are sent as they are', async () => {
  const dept = department();
  const ds = source(dept.post);
  const root = { ...entityFetch({}, 0, '{__typename}', {}), request: { query: 'query R{__typename}', variables: {}, operationName: 'R' }, document: parse('query R{__typename}') };
  await Promise.all([entityFetch({}, 1, PERSON, people('a')), entityFetch({}, 2, PERSON, people('b')), root].map((f) => ds.process(f)));
  const context = {};
  const off = source(dept.post, false);
  await Promise.all([entityFetch(context, 1, PERSON, people('a')), entityFetch(context, 2, PERSON, people('b'))].map((f) => off.process(f)));
  expect(dept.sent).toHaveLength(5);
  for (const sent of dept.sent) expect(sent.query).not.toContain('_v0_');
});
