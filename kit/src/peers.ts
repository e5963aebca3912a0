import { ErrorCode, notFound, typedError } from './errors';
import { listSubgraphs, subgraphUrl, type SubgraphEntry } from './registry';
import { signedHeaders } from './auth/signing';
import type { Identity } from './identity';

/** A department asking a peer does so as itself, never on the end user's token (signed with the target's secret). */
export const serviceIdentity = (department: string): Identity => ({
  subject: `service:${department}`,
  department,
  role: 'SERVICE',
  scope: { communityIds: [], gridIds: [] },
});

let registry: SubgraphEntry[] | undefined;

/** Where a peer department answers, read at call time so tests can point `<NAME>_URL` at free ports. */
function peerUrl(name: string): string {
  registry ??= listSubgraphs();
  const entry = registry.find((e) => e.name === name);
  if (!entry) throw new Error(`unknown department "${name}"`);
  return subgraphUrl(entry);
}

export interface PeerClient {
  /** The entities `ids` of `typename` at their owner, in key order, `null` where the owner has none. */
  entities(owner: string, typename: string, ids: string[], selection?: string): Promise<Array<Record<string, unknown> | null>>;
  /** Throws NOT_FOUND (naming `field`) unless the owner has every one of `ids`. */
  requireEntities(owner: string, typename: string, ids: string[], field: string): Promise<void>;
  /**
   * Runs one operation (a mutation the owner grants this department's SERVICE identity) and returns its `data`;
   * DEPENDENCY_UNAVAILABLE when the owner does not answer, the owner's own typed error when it refuses.
   */
  call<T = Record<string, unknown>>(owner: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

interface PeerBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: string; extensions?: Record<string, unknown> }>;
}

/**
 * A department asks another one through federation itself: one `_entities` request to the owner, as this
 * department (its own service identity), never by reading the owner's database.
 */
export function createPeerClient(caller: string, requestId: string, timeoutMs = Number(process.env.PEER_TIMEOUT_MS ?? 3000)): PeerClient {
  async function post(owner: string, what: string, query: string, variables: Record<string, unknown>): Promise<PeerBody> {
    const payload = JSON.stringify({ query, variables });
    try {
      const response = await fetch(peerUrl(owner), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders(owner, payload, serviceIdentity(caller), requestId) },
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json()) as PeerBody;
      if (!response.ok && !body.errors?.length) throw new Error(`HTTP ${response.status}`);
      return body;
    } catch (error) {
      throw typedError(ErrorCode.DEPENDENCY_UNAVAILABLE, `${owner} could not ${what}`, {
        department: owner,
        reason: (error as Error).name === 'TimeoutError' ? 'timeout' : 'unavailable',
      });
    }
  }
  const client: PeerClient = {
    async entities(owner, typename, ids, selection = 'id') {
      if (ids.length === 0) return [];
      const query = `query($r:[_Any!]!){_entities(representations:$r){... on ${typename}{${selection}}}}`;
      const body = await post(owner, `confirm the ${typename} referenced`, query, { r: ids.map((id) => ({ __typename: typename, id })) });
      const found = body.data?._entities as Array<Record<string, unknown> | null> | undefined;
      if (!found) throw typedError(ErrorCode.DEPENDENCY_UNAVAILABLE, `${owner} could not confirm the ${typename} referenced`, { department: owner, reason: 'unavailable' });
      return found.map((entity) => (entity && Object.keys(entity).length > 0 ? entity : null));
    },
    async call<T>(owner: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const body = await post(owner, 'answer', query, variables);
      const refused = body.errors?.[0];
      if (refused || !body.data) {
        const code = (refused?.extensions?.code as ErrorCode | undefined) ?? ErrorCode.DEPENDENCY_UNAVAILABLE;
        throw typedError(code, `${owner}: ${refused?.message ?? 'no answer'}`, { department: owner, ...(refused?.extensions?.field ? { field: refused.extensions.field } : {}) });
      }
      return body.data as T;
    },
    async requireEntities(owner, typename, ids, field) {
      const found = await client.entities(owner, typename, ids);
      const missing = ids.find((_, i) => !found[i]);
      if (missing) {
        const error = notFound(typename, missing);
        Object.assign(error.extensions, { field });
        throw error;
      }
    },
  };
  return client;
}
