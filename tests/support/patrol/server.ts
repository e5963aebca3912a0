import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { isObjectType, parse, type GraphQLFieldResolver } from 'graphql';
import { applyAccessPolicy, assertId, createHttpApp, listen, parseIdentity, policyFromDocument, redactError, verifySignedRequests, type Identity, type NonceStore } from '@cg/kit';

/**
 * A department written outside subgraphs/ (no database: its rows are in memory), for the conformance kit's and the
 * registry's tests. `flaw` makes it deliberately wrong in one way the kit must catch.
 */
export type Flaw = 'none' | 'skips-signing' | 'entities-out-of-order';

interface PatrolRow {
  id: string;
  note: string;
  patroller: string;
  patrollerPhone: string;
  buildingId: string;
}

const ROWS: PatrolRow[] = [
  { id: 'a00000000000000000000001', note: '消防通道畅通', patroller: '王建国', patrollerPhone: '13812341234', buildingId: 'b00000000000000000000001' },
  { id: 'a00000000000000000000002', note: '楼道堆放杂物', patroller: '李秀英', patrollerPhone: '13912345678', buildingId: 'b00000000000000000000001' },
  { id: 'a00000000000000000000003', note: '电动车违规充电', patroller: '张伟', patrollerPhone: '13712345678', buildingId: 'b00000000000000000000002' },
];
const schemaPath = path.join(__dirname, 'schema.graphql');

export async function startPatrol({ name = 'patrol', flaw = 'none' as Flaw, sdl = readFileSync(schemaPath, 'utf8') } = {}) {
  const common = readFileSync(path.join(__dirname, '..', '..', '..', 'kit', 'schema', 'common.graphql'), 'utf8');
  const typeDefs = parse(`${sdl}\n${common}`);
  const byId = (id: string) => ROWS.find((row) => row.id === id) ?? null;
  const resolvers = {
    Query: { patrols: () => ROWS },
    Patrol: { __resolveReference: ({ id }: { id: unknown }) => byId(assertId(id)), building: (row: PatrolRow) => ({ id: row.buildingId }) },
    Building: { __resolveReference: ({ id }: { id: unknown }) => ({ id: assertId(id) }), patrols: ({ id }: { id: string }) => ROWS.filter((row) => row.buildingId === id) },
  };
  const schema = applyAccessPolicy(buildSubgraphSchema([{ typeDefs, resolvers }]), policyFromDocument(typeDefs));
  if (flaw === 'entities-out-of-order') {
    const query = schema.getQueryType();
    const entities = isObjectType(query) ? query.getFields()._entities : undefined;
    const resolve = entities!.resolve as GraphQLFieldResolver<unknown, unknown>;
    // The mistake of a batch lookup returned in database order: sorted by id, misses left out.
    entities!.resolve = async (...args) => {
      const found = (await Promise.all((await resolve(...args)) as unknown[])) as Array<{ id: string } | null>;
      return found.filter(Boolean).sort((a, b) => a!.id.localeCompare(b!.id));
    };
  }
  const apollo = new ApolloServer<{ identity: Identity | null }>({
    schema,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: (formatted) => redactError(formatted),
  });
  await apollo.start();
  const seen = new Set<string>();
  const nonces: NonceStore = { kind: 'database', claim: async (nonce) => !seen.has(nonce) && Boolean(seen.add(nonce)), close: async () => undefined };
  const app = createHttpApp(async () => ({ department: name }));
  // The flaw of a service that trusts whatever identity header arrives, signed or not.
  const trustAnything = [
    express.json(),
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      const header = req.header('x-cg-identity');
      res.locals.identity = header ? parseIdentity(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))) : null;
      next();
    },
  ];
  app.use(
    '/graphql',
    ...(flaw === 'skips-signing' ? trustAnything : verifySignedRequests(name, nonces)),
    expressMiddleware(apollo, { context: async ({ res }) => ({ identity: (res.locals.identity as Identity | null) ?? null }) }),
  );
  const http = await listen(app, 0);
  return { url: http.url, stop: async () => (await http.close(), await apollo.stop()) };
}
