import { randomUUID } from 'node:crypto';
import type { Identity } from '../identity';
import { computeSignature, encodeIdentity, HEADERS, subgraphSecret } from '../auth/signing';

interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}
export interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: GraphQLError[] } | null;
}

/** Changes to a signed request, to see that the department refuses it. */
export interface Tamper {
  unsigned?: boolean;
  /** Sign one body and send another. */
  sendBody?: string;
  /** Sign with another department's secret. */
  signFor?: string;
  timestamp?: number;
  nonce?: string;
}

/**
 * Talks to a department as the gateway does: every request signed with the department's secret (cg-v1). Every
 * answer is kept, so the error checks can look at all of them at the end.
 */
export class DepartmentClient {
  readonly answers: Answer[] = [];
  constructor(
    readonly url: string,
    readonly name: string,
    private readonly timeoutMs = 10_000,
  ) {}

  identity(role: string | null, purpose?: string): Identity | null {
    if (!role) return null;
    return { subject: `conformance-${role.toLowerCase()}`, department: this.name, role, scope: { communityIds: [], gridIds: [] }, ...(purpose ? { purpose } : {}) };
  }

  headers(body: string, identity: Identity | null, tamper: Tamper = {}): Record<string, string> {
    if (tamper.unsigned) return { [HEADERS.identity]: encodeIdentity(identity) };
    const identityHeader = encodeIdentity(identity);
    const requestId = `conformance-${randomUUID()}`;
    const timestamp = String(tamper.timestamp ?? Date.now());
    const nonce = tamper.nonce ?? randomUUID();
    const target = tamper.signFor ?? this.name;
    const signature = computeSignature(subgraphSecret(target), target, timestamp, nonce, requestId, identityHeader, body);
    return { [HEADERS.identity]: identityHeader, [HEADERS.requestId]: requestId, [HEADERS.timestamp]: timestamp, [HEADERS.nonce]: nonce, [HEADERS.signature]: signature };
  }

  async send(body: string, headers: Record<string, string>, sendBody = body): Promise<Answer> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: sendBody,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    let parsed: Answer['body'] = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const answer = { status: response.status, body: parsed };
    this.answers.push(answer);
    return answer;
  }

  /** A signed GraphQL request as `identity` (null: anonymous), optionally tampered with. */
  async query(query: string, variables: Record<string, unknown> | undefined, identity: Identity | null, tamper: Tamper = {}): Promise<Answer> {
    const body = JSON.stringify({ query, variables });
    const attempt = () => this.send(body, this.headers(body, identity, tamper), tamper.sendBody ?? body);
    try {
      return await attempt();
    } catch (error) {
      // A kept-alive socket the service closed meanwhile: once more on a new one, signed afresh (a new nonce).
      if ((error as Error).name === 'TimeoutError') throw error;
      return attempt();
    }
  }

  async health(path: 'live' | 'ready'): Promise<{ status: number; body: unknown }> {
    const url = `${this.url.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}/health/${path}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    return { status: response.status, body: await response.json().catch(() => null) };
  }
}
