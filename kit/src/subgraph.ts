import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Connection } from 'mongoose';
import { createHttpApp, listen, type RunningHttp } from './http';
import type { Identity } from './identity';
import { createPeerClient, type PeerClient } from './peers';
import { loadTypeDefs } from './sdl';
import { createMetrics, mountMetrics, observabilityPlugin } from './metrics';
import { connectDatabase, departmentDbName, onCommand } from './mongo';
// Security: only requests the gateway signed, the SDL's @access rules, and an audit trail of personal data read.
import { applyAccessPolicy, inScope, missingRules, policyFromDocument, readsFromDocument, scopeFilter, verifySignedRequests } from './auth';
import { ErrorCode, typedError } from './errors';
import { auditModel, auditPlugin, auditResolvers } from './audit';
import { redactError } from './redact';
import { formatDatabaseError } from './database-errors';
import { nonceStoreFromEnv } from './shared-state';
import { replayWindowMs } from './auth/signing';

/** What every resolver of a department receives. */
export interface DepartmentContext<Models, Loaders> {
  requestId: string;
  /** The department answering (for records it writes and for asking peers). */
  department: string;
  /** The caller as the gateway established it; null when anonymous. */
  identity: Identity | null;
  /** Asks other departments through federation (e.g. that a referenced Resident exists). */
  peers: PeerClient;
  /**
   * The caller's row scope for lists of `type` (its `@scope` in the SDL), to combine with the list's own filter
   * (`andFilters`), so totals and pages hold only rows the caller may see; `{}` for an unscoped type or caller.
   */
  scopeFilter(type: string): Record<string, unknown>;
  /** FORBIDDEN (reason `scope`, naming `field`) unless a row of `type` like `doc` lies in the caller's scope: before a write. */
  requireInScope(type: string, doc: Record<string, unknown>, field?: string): void;
  models: Models;
  loaders: Loaders;
}

/** Everything a department folder provides; the kit does the rest. */
export interface Department<Models extends Record<string, { init(): Promise<unknown> }>, Loaders> {
  name: string;
  schemaPath: string;
  resolvers: GraphQLResolverMap<DepartmentContext<Models, Loaders>>;
  createModels(connection: Connection): Models;
  /** Per request; `scopeFilter` lets list relations load only rows in the caller's scope. */
  createLoaders(ctx: { models: Models; scopeFilter(type: string): Record<string, unknown> }): Loaders;
}

export const defineDepartment = <M extends Record<string, { init(): Promise<unknown> }>, L>(department: Department<M, L>) => department;

export interface DepartmentOptions {
  mongoUri?: string;
  dbName?: string;
}

export interface BuiltDepartment<Models> {
  name: string;
  app: express.Express;
  connection: Connection;
  models: Models;
  stop(): Promise<void>;
}

/** Connects the department's own database, builds its subgraph schema and HTTP app; does not listen. */
export async function buildDepartment<M extends Record<string, { init(): Promise<unknown> }>, L>(
  department: Department<M, L>,
  options: DepartmentOptions = {},
): Promise<BuiltDepartment<M>> {
  const mongoUri = options.mongoUri ?? process.env.MONGODB_URI;
  if (!mongoUri) throw new Error(`${department.name}: MONGODB_URI is not set (npm start picks an embedded database by itself)`);
  const typeDefs = loadTypeDefs(department.schemaPath);
  // Deny by default: a department whose SDL leaves a type or root field without a rule does not start.
  const missing = missingRules(typeDefs);
  if (missing.length) throw new Error(`${department.name}: no @access rule for ${missing.join(', ')} (docs/security.md)`);
  const dbName = options.dbName ?? departmentDbName(department.name);
  const connection = await connectDatabase({ uri: mongoUri, dbName });
  const models = department.createModels(connection);
  await Promise.all(Object.values(models).map((model) => model.init())); // indexes declared beside the models

  // --- who may ask what, and the record of what they read ---
  const auditRecords = auditModel(connection);
  await auditRecords.init();
  const policy = policyFromDocument(typeDefs);
  // Shared by every replica of this department, so a request replayed to another one is refused too.
  const nonces = await nonceStoreFromEnv(department.name, { uri: mongoUri, dbName }, replayWindowMs());
  const audit = auditResolvers(department.name, () => auditRecords);
  const resolvers = { ...department.resolvers, ...audit, Query: { ...(department.resolvers.Query as object | undefined), ...audit.Query } };
  const schema = applyAccessPolicy(buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]), policy, readsFromDocument(typeDefs));
  const scopeRule = (type: string) => {
    const entry = policy.get(type);
    if (!entry) throw new Error(`${department.name} has no type ${type}`);
    return entry.scope;
  };
  const scoping = (identity: Identity | null) => ({
    scopeFilter: (type: string) => scopeFilter(identity, scopeRule(type)),
    requireInScope: (type: string, doc: Record<string, unknown>, field?: string) => {
      const scope = scopeRule(type);
      if (scope && !inScope(doc, scope, identity)) {
        throw typedError(ErrorCode.FORBIDDEN, `this ${type} lies outside the caller's grids, communities or own records`, { reason: 'scope', ...(field ? { field } : {}) });
      }
    },
  });
  // --- end security ---
  const metrics = createMetrics(department.name); // observability: /metrics and one JSON log line per operation
  // Database commands per request is a figure of bench/perf.ts: counted here, where every department's commands pass.
  onCommand(connection, ({ name, collection }) => metrics.databaseCommands.inc({ command: name, collection }));
  const apollo = new ApolloServer<DepartmentContext<M, L>>({
    schema,
    // Signals are handled once, by runUntilSignalled (stop listening, drain, close the database).
    stopOnTerminationSignals: false,
    // Per-field timings in every response cost time and tell callers about our internals.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      observabilityPlugin(department.name, metrics),
      auditPlugin(auditRecords, department.name),
    ],
    // A lost database connection is DATABASE_UNAVAILABLE, never a driver message naming hosts (docs/reliability.md);
    // a database error may quote the document it refused, so personal data is redacted from every message.
    formatError: (formatted, error) => redactError(formatDatabaseError(formatted, error)),
  });
  await apollo.start();

  const app = createHttpApp(async () => {
    // Ready = the schema is built (we got here) and the database answers a ping within 2 s.
    await connection.db!.command({ ping: 1 }, { timeoutMS: 2000 });
    return { department: department.name, database: connection.name };
  });
  mountMetrics(app, metrics);
  app.use(
    '/graphql',
    ...verifySignedRequests(department.name, nonces), // 401 before anything runs unless the gateway or a peer signed it
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const requestId: string = res.locals.requestId ?? randomUUID();
        const identity = res.locals.identity ?? null;
        const base = { requestId, department: department.name, identity, peers: createPeerClient(department.name, requestId), models, ...scoping(identity) };
        return { ...base, loaders: department.createLoaders(base) };
      },
    }),
  );
  return {
    name: department.name,
    app,
    connection,
    models,
    stop: async () => {
      await apollo.stop();
      await nonces.close();
      await connection.close();
    },
  };
}

export interface RunningDepartment<Models> extends BuiltDepartment<Models>, Omit<RunningHttp, 'close'> {}

/** Builds and listens (port 0 picks a free port); `stop()` closes the listener, Apollo and the database. */
export async function startDepartment<M extends Record<string, { init(): Promise<unknown> }>, L>(
  department: Department<M, L>,
  options: DepartmentOptions & { port?: number } = {},
): Promise<RunningDepartment<M>> {
  const built = await buildDepartment(department, options);
  const http = await listen(built.app, options.port ?? 0);
  let stopped: Promise<void> | undefined;
  return {
    ...built,
    port: http.port,
    url: http.url,
    // Idempotent: a test may stop a department early and the harness again at the end.
    stop: () => (stopped ??= http.close().then(() => built.stop())),
  };
}
