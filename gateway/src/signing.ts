import { encodeIdentity, HEADERS, signRequest, type Identity } from '@cg/kit';
import { httpPost, type Post } from './fetcher';

/** The headers the gateway adds to every subgraph request: who asks (verified) and the request id. */
export function forwardedHeaders(context: { identity?: Identity | null; requestId?: string }): Record<string, string> {
  return { [HEADERS.identity]: encodeIdentity(context.identity ?? null), [HEADERS.requestId]: context.requestId ?? '' };
}

/**
 * Everything a department needs to accept `body` from this gateway: the forwarded headers, signed with the target's
 * own secret. The Apollo data sources (signingPost) and the Hive Gateway baseline (bench/hive-gateway.ts) both use it.
 */
export function signedSubgraphHeaders(target: string, body: string, context: { identity?: Identity | null; requestId?: string }): Record<string, string> {
  const forwarded = forwardedHeaders(context);
  return { ...forwarded, ...signRequest(target, body, forwarded[HEADERS.identity]!, forwarded[HEADERS.requestId]!) };
}

/**
 * Wraps one HTTP attempt to sign the exact body bytes it sends, with the target department's own secret. It sits
 * under the retries, so a retried read carries a new nonce instead of being refused as a replay.
 */
export function signingPost(target: string, base: Post = httpPost): Post {
  return (url, init) => {
    const signed = signRequest(target, init.body, init.headers[HEADERS.identity] ?? '', init.headers[HEADERS.requestId] ?? '');
    return base(url, { ...init, headers: { ...init.headers, ...signed } });
  };
}
