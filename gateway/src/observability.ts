import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { operationLabel, type ServiceMetrics } from '@cg/kit';

/**
 * Counts and times every request the gateway sends to one department (per subgraph and client operation), by
 * wrapping the data source's `process`: whatever fetcher, retries or breaker the data source uses, the figure is
 * what the caller waited for.
 */
export function instrumentSubgraph<T extends RemoteGraphQLDataSource<any>>(subgraph: string, source: T, metrics: ServiceMetrics): T {
  const process = source.process.bind(source);
  source.process = async (options) => {
    const operation = operationLabel('incomingRequestContext' in options ? options.incomingRequestContext.operationName : undefined);
    const end = metrics.subgraphDuration.startTimer({ subgraph, operation });
    let outcome = 'error';
    try {
      const response = await process(options);
      if (!response.errors?.length) outcome = 'ok';
      return response;
    } finally {
      end();
      metrics.subgraphRequests.inc({ subgraph, operation, outcome });
    }
  };
  return source;
}
