import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, type DocumentNode } from 'graphql';
import { createSubgraphFetcher, fetchScope, SubgraphFailure, type SubgraphFetcher } from './fetcher';

/** Codes a client sees for a department that did not answer (beside the kit's codes in kit/src/errors.ts). */
export const SubgraphErrorCode = {
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
} as const;

/** Per incoming request: the overall deadline every department fetch shares. */
export interface ResilienceContext {
  deadline?: AbortSignal;
}

const isMutation = (document: DocumentNode | undefined, query: string | undefined) =>
  document
    ? document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation')
    : /^\s*mutation\b/.test(query ?? '');

/**
 * A department's data source with timeouts, a circuit breaker and read retries (gateway/src/fetcher.ts). A failed
 * fetch becomes a GraphQL error naming the department and a code instead of an exception carrying the URL, so
 * the gateway answers with every other department's data and nulls only what this one owns.
 */
export class ResilientDataSource<Context extends ResilienceContext = ResilienceContext> extends RemoteGraphQLDataSource<Context> {
  declare readonly name: string;
  declare readonly client: SubgraphFetcher;

  /** `base` does one HTTP attempt (the gateway passes a signing fetch); timeouts, breaker and retries wrap it. */
  constructor(config: { name: string; url: string; base?: typeof fetch }) {
    super({ url: config.url } as Partial<RemoteGraphQLDataSource<Context>>);
    Object.assign(this, { name: config.name });
    const client = createSubgraphFetcher(config.name, undefined, config.base);
    Object.assign(this, { client, fetcher: client.fetcher });
  }

  override async process(options: GraphQLDataSourceProcessOptions<Context>): Promise<GatewayGraphQLResponse> {
    const document = 'document' in options ? options.document : undefined;
    const scope = { deadline: options.context?.deadline, retryable: !isMutation(document, options.request.query) };
    try {
      return await fetchScope.run(scope, () => super.process(options));
    } catch (error) {
      return { errors: [this.describe(error)] };
    }
  }

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
