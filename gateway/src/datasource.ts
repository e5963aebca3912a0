import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { getBatchingExecutor } from '@graphql-tools/batch-execute';
import { GraphQLError, Kind, OperationTypeNode, print, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { createSubgraphFetcher, SubgraphFailure, type Post, type SubgraphFetcher } from './fetcher';

/** Codes a client sees for a department that did not answer (beside the kit's codes in kit/src/errors.ts). */
const SubgraphErrorCode = {
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
} as const;

/** Per incoming request: the overall deadline every department fetch shares. */
export interface ResilienceContext {
  deadline?: AbortSignal;
}

type ProcessOptions<Context extends ResilienceContext> = GraphQLDataSourceProcessOptions<Context>;
type OperationOptions<Context extends ResilienceContext> = Extract<ProcessOptions<Context>, { incomingRequestContext: unknown }>;
type Executor = Parameters<typeof getBatchingExecutor>[1];
/** The part of batch-execute's request the executor reads. */
interface ExecutionRequest {
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
  rootValue?: unknown;
}

const isMutation = (document: DocumentNode | undefined, query: string | undefined) =>
  document ? document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation') : /^\s*mutation\b/.test(query ?? '');

/** What the query planner sends for another department's entities: a read of `_entities(representations: …)`. */
function isEntityRead<Context extends ResilienceContext>(options: ProcessOptions<Context>): options is OperationOptions<Context> & { document: DocumentNode } {
  return (
    'incomingRequestContext' in options &&
    options.document !== undefined &&
    typeof options.context === 'object' &&
    options.context !== null &&
    options.request.variables?.representations !== undefined &&
    !isMutation(options.document, undefined)
  );
}

const departmentFailures: string[] = Object.values(SubgraphErrorCode);
const explainsMissingData = (error: GraphQLFormattedError) => (error.path ? error.path.length === 1 : departmentFailures.includes(error.extensions?.code as string));

const formatted = (error: GraphQLFormattedError | GraphQLError): GraphQLFormattedError => (error instanceof GraphQLError ? error.toJSON() : error);

/**
 * A department's data source with timeouts, a circuit breaker and read retries (gateway/src/fetcher.ts). A failed
 * fetch becomes a GraphQL error naming the department and a code instead of an exception carrying the URL, so
 * the gateway answers with every other department's data and nulls only what this one owns.
 *
 * With `mergeFetches`, the `_entities` reads one incoming request sends to this department in the same tick (the
 * planner's `Parallel` node: one fetch per path) go out as one HTTP request, signed once. The merge and the split
 * are @graphql-tools/batch-execute's, which Hive Gateway uses for the same purpose: each fetch's root field is
 * aliased (`_v0__entities: _entities(representations: $_v0_representations)`), its variables and fragments
 * prefixed alike, and the answer split back by alias with each error's path given back to the fetch it belongs to;
 * an error without a path (the department down) goes to every fetch.
 */
export class ResilientDataSource<Context extends ResilienceContext = ResilienceContext> implements GraphQLDataSource<Context> {
  readonly name: string;
  readonly url: string;
  readonly client: SubgraphFetcher;
  readonly mergeFetches: boolean;
  private readonly headers: (context: Context) => Record<string, string>;

  /**
   * `post` does one HTTP attempt (the gateway passes a signing one); timeouts, breaker and retries wrap it.
   * `headers` are added to every request of one incoming request (who asks, the request id).
   */
  constructor(config: { name: string; url: string; post?: Post; mergeFetches?: boolean; headers?: (context: Context) => Record<string, string> }) {
    this.name = config.name;
    this.url = config.url;
    this.mergeFetches = config.mergeFetches ?? true;
    this.headers = config.headers ?? (() => ({}));
    this.client = createSubgraphFetcher(config.name, undefined, config.post);
  }

  async process(options: ProcessOptions<Context>): Promise<GatewayGraphQLResponse> {
    if (!this.mergeFetches || !isEntityRead(options)) return this.send(options);
    const execute = getBatchingExecutor(options.context, this.executeMerged as Executor);
    const { variables, operationName } = options.request;
    const result = (await execute({ document: options.document, variables, operationName, operationType: OperationTypeNode.QUERY, rootValue: options })) as GatewayGraphQLResponse;
    // No `_entities` and no error that says why (its own `_entities` failed, or the department did not answer): a
    // sibling's failure nulled the whole merged answer, or the merged document was refused. Ask for this one alone.
    if (!result.data?._entities && !result.errors?.some(explainsMissingData)) return this.send(options);
    return { data: result.data, ...(result.errors?.length ? { errors: result.errors.map(formatted) } : {}) };
  }

  /**
   * One HTTP request to the department (retried, under the breaker): the body serialised once, the answer parsed
   * once. A failure, or an answer that is not a GraphQL result, is answered as a GraphQL error.
   */
  async send(options: ProcessOptions<Context>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName, extensions } = options.request;
    const document = 'document' in options ? options.document : undefined;
    const scope = { deadline: options.context?.deadline, retryable: !isMutation(document, query) };
    try {
      const headers = { 'content-type': 'application/json', ...this.headers(options.context as Context) };
      const reply = await this.client.post(this.url, headers, JSON.stringify({ query, variables, operationName, extensions }), scope);
      // A department refuses (401, 400 …) only what the gateway itself got wrong: the caller sees it as unavailable.
      if (reply.status >= 400) throw new SubgraphFailure(this.name, 'unavailable', reply.status);
      const result = JSON.parse(reply.text) as GatewayGraphQLResponse | null;
      if (typeof result !== 'object' || result === null || Array.isArray(result)) throw new SubgraphFailure(this.name, 'unavailable');
      return result;
    } catch (error) {
      return { errors: [this.describe(error)] };
    }
  }

  /** Sends what the batching executor gives it: a fetch unchanged (a batch of one), or the merged document. */
  private readonly executeMerged = (request: ExecutionRequest): Promise<GatewayGraphQLResponse> => {
    const first = request.rootValue as OperationOptions<Context>;
    if (request.document === first.document) return this.send(first);
    const query = print(request.document);
    return this.send({ ...first, document: request.document, request: { query, variables: request.variables, operationName: request.operationName } });
  };

  /** Message and code only: no URL, no status text, no response body. */
  private describe(error: unknown) {
    const department = this.name;
    const reason = error instanceof SubgraphFailure ? error.reason : 'unavailable';
    const timedOut = reason === 'timeout' || reason === 'deadline';
    const message = timedOut
      ? `Department "${department}" did not answer in time; its fields are null in this answer.`
      : `Department "${department}" is unavailable; its fields are null in this answer.`;
    const code = timedOut ? SubgraphErrorCode.SUBGRAPH_TIMEOUT : SubgraphErrorCode.SUBGRAPH_UNAVAILABLE;
    return { message, extensions: { code, subgraph: department, reason } };
  }
}
