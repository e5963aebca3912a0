import { operationLabel, type ServiceMetrics } from '@cg/kit';
import type { ResilienceContext, ResilientDataSource } from './datasource';

/**
 * Counts and times every request the gateway sends to one department (per subgraph and client operation), by
 * wrapping the data source's `send`: one count per HTTP request (fetches merged into one count once), timed over
 * retries and the breaker, as the caller waited for it.
 */
export function instrumentSubgraph<Context extends ResilienceContext>(
  subgraph: string,
  source: ResilientDataSource<Context>,
  metrics: ServiceMetrics,
): ResilientDataSource<Context> {
  const send = source.send.bind(source);
  source.send = async (options) => {
    const operation = operationLabel('incomingRequestContext' in options ? options.incomingRequestContext.operationName : undefined);
    const end = metrics.subgraphDuration.startTimer({ subgraph, operation });
    let outcome = 'error';
    try {
      const response = await send(options);
      if (!response.errors?.length) outcome = 'ok';
      return response;
    } finally {
      end();
      metrics.subgraphRequests.inc({ subgraph, operation, outcome });
    }
  };
  return source;
}
