import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { encodeIdentity, HEADERS, signRequest, type Identity } from '@cg/kit';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/** The headers the gateway adds to every subgraph request: who asks (verified) and the request id. */
export function forwardedHeaders(context: { identity?: Identity | null; requestId?: string }): Record<string, string> {
  return { [HEADERS.identity]: encodeIdentity(context.identity ?? null), [HEADERS.requestId]: context.requestId ?? '' };
}

/**
 * Everything a department needs to accept `body` from this gateway: the forwarded headers, signed with the target's
 * own secret. The Apollo data sources (signingFetcher) and the Hive Gateway baseline (bench/hive-gateway.ts) both use it.
 */
export function signedSubgraphHeaders(target: string, body: string, context: { identity?: Identity | null; requestId?: string }): Record<string, string> {
  const forwarded = forwardedHeaders(context);
  return { ...forwarded, ...signRequest(target, body, forwarded[HEADERS.identity]!, forwarded[HEADERS.requestId]!) };
}

/**
 * Wraps the data source's fetcher to sign the exact body bytes it sends, with the target department's own secret
 * (the body only exists once the data source has serialised the request, after willSendRequest).
 */
export function signingFetcher(target: string, base: Fetcher = new RemoteGraphQLDataSource().fetcher): Fetcher {
  return ((url: string, init: { headers?: Record<string, string>; body?: string }) => {
    const headers = { ...(init.headers ?? {}) };
    const signed = signRequest(target, init.body ?? '', headers[HEADERS.identity] ?? '', headers[HEADERS.requestId] ?? '');
    return base!(url, { ...init, headers: { ...headers, ...signed } } as any);
  }) as Fetcher;
}
