import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Identity } from '../identity';
import { computeSignature, encodeIdentity, HEADERS, signaturePayload, subgraphSecret } from '../auth/signing';
import { repoRoot } from '../registry';

/**
 * Known inputs and the exact headers the gateway's signing gives for them (docs/department-protocol.md). Generated
 * from the kit's own functions by `npm run protocol-vectors`; a unit test regenerates them and compares, so the
 * document an outside team implements against cannot drift from what the gateway sends.
 */
export const vectorsPath = path.join(repoRoot, 'docs', 'department-protocol-vectors.json');

const CLERK: Identity = { subject: 'demo-civil-affairs-clerk', department: 'civil-affairs', role: 'DEPARTMENT_CLERK', scope: { communityIds: [], gridIds: [] } };
const WORKER: Identity = {
  subject: 'demo-grid-worker-01',
  department: 'civil-affairs',
  role: 'GRID_WORKER',
  scope: { communityIds: [], gridIds: ['5f1c2a9e0b7d4c11a2b3c4d5'] },
  purpose: 'CASE_HANDLING',
};
const ENTITIES_BODY = JSON.stringify({
  query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Building { id } } }',
  variables: { r: [{ __typename: 'Building', id: '65a1f0c2b3d4e5f601234567' }] },
});
const EXPLICIT_SECRET = 'law-enforcement-test-secret-0123456789abcdef';
const NOW = 1_796_000_000_000; // 2026-11-29T…Z, a fixed clock for the verification cases

interface SigningInput {
  name: string;
  target: string;
  /** `null`: the development secret derived from `target` (never in production). */
  secret: string | null;
  timestamp: string;
  nonce: string;
  requestId: string;
  identity: Identity | null;
  body: string;
}

const SIGNING: SigningInput[] = [
  {
    name: 'entities call as a clerk, explicit secret',
    target: 'law-enforcement',
    secret: EXPLICIT_SECRET,
    timestamp: String(NOW),
    nonce: '7b1e3c1a-2f4d-4a8e-9c61-0d5b2e7f9a10',
    requestId: 'req-0001',
    identity: CLERK,
    body: ENTITIES_BODY,
  },
  {
    name: 'grid worker with purpose and grid scope, explicit secret',
    target: 'law-enforcement',
    secret: EXPLICIT_SECRET,
    timestamp: String(NOW + 1),
    nonce: 'a3c9e2b0-5d17-4f6a-8b3e-1c2d3e4f5a6b',
    requestId: 'req-0002',
    identity: WORKER,
    body: '{"query":"{ openViolations(first: 2) { id } }"}',
  },
  {
    name: 'anonymous caller: empty identity header, empty request id',
    target: 'law-enforcement',
    secret: EXPLICIT_SECRET,
    timestamp: String(NOW + 2),
    nonce: 'nonce-3',
    requestId: '',
    identity: null,
    body: '{"query":"{ __typename }"}',
  },
  {
    name: 'development secret of "law-enforcement" (outside production only)',
    target: 'law-enforcement',
    secret: null,
    timestamp: String(NOW),
    nonce: 'nonce-4',
    requestId: 'req-0004',
    identity: CLERK,
    body: ENTITIES_BODY,
  },
  {
    name: 'UTF-8 body: the hash covers the bytes, not the characters',
    target: 'civil-affairs',
    secret: EXPLICIT_SECRET,
    timestamp: String(NOW),
    nonce: 'nonce-5',
    requestId: 'req-0005',
    identity: CLERK,
    body: '{"query":"{ communities { name } }","variables":{"q":"义合美新城"}}',
  },
];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function signingCase(input: SigningInput) {
  const { name, ...rest } = input;
  const secret = input.secret ?? subgraphSecret(input.target, {});
  const identityHeader = encodeIdentity(input.identity);
  const parts = [input.target, input.timestamp, input.nonce, input.requestId, identityHeader, input.body] as const;
  return {
    name,
    input: { ...rest, secretSource: input.secret === null ? 'development' : 'explicit', secret },
    expected: {
      identityHeader,
      bodySha256: sha256(input.body),
      payload: signaturePayload(...parts),
      headers: {
        [HEADERS.identity]: identityHeader,
        [HEADERS.requestId]: input.requestId,
        [HEADERS.timestamp]: input.timestamp,
        [HEADERS.nonce]: input.nonce,
        [HEADERS.signature]: computeSignature(secret, ...parts),
      },
    },
  };
}

/** What a department must answer to requests at `now`, in order (the nonce store starts empty). */
function verificationCases() {
  const target = 'law-enforcement';
  const sign = (timestamp: number, nonce: string, body = ENTITIES_BODY, identity: Identity | null = CLERK) => {
    const identityHeader = encodeIdentity(identity);
    const ts = String(timestamp);
    return {
      [HEADERS.identity]: identityHeader,
      [HEADERS.requestId]: 'req-v',
      [HEADERS.timestamp]: ts,
      [HEADERS.nonce]: nonce,
      [HEADERS.signature]: computeSignature(EXPLICIT_SECRET, target, ts, nonce, 'req-v', identityHeader, body),
    };
  };
  const good = sign(NOW - 1000, 'v-accept');
  const refused = (reason: string) => ({ status: 401, code: 'UNAUTHENTICATED', reason });
  return {
    target,
    secret: EXPLICIT_SECRET,
    now: NOW,
    windowMs: 60_000,
    cases: [
      { name: 'valid', headers: good, body: ENTITIES_BODY, expect: { status: 200 } },
      { name: 'the same request again', headers: good, body: ENTITIES_BODY, expect: refused('replayed') },
      { name: 'no signature headers', headers: { [HEADERS.identity]: encodeIdentity(CLERK) }, body: ENTITIES_BODY, expect: refused('unsigned') },
      { name: 'body altered after signing (one space added)', headers: sign(NOW, 'v-body'), body: ENTITIES_BODY.replace('{ id }', '{ id  }'), expect: refused('bad signature') },
      {
        name: 'identity swapped after signing',
        headers: { ...sign(NOW, 'v-identity'), [HEADERS.identity]: encodeIdentity({ ...CLERK, role: 'AUDITOR' }) },
        body: ENTITIES_BODY,
        expect: refused('bad signature'),
      },
      { name: 'request id swapped after signing', headers: { ...sign(NOW, 'v-request'), [HEADERS.requestId]: 'req-other' }, body: ENTITIES_BODY, expect: refused('bad signature') },
      { name: 'signed 60 001 ms ago', headers: sign(NOW - 60_001, 'v-old'), body: ENTITIES_BODY, expect: refused('stale') },
      { name: 'signed 60 001 ms ahead', headers: sign(NOW + 60_001, 'v-new'), body: ENTITIES_BODY, expect: refused('stale') },
      { name: 'signed exactly 60 000 ms ago (inside the window)', headers: sign(NOW - 60_000, 'v-edge'), body: ENTITIES_BODY, expect: { status: 200 } },
      {
        name: 'validly signed identity that is not a valid identity',
        headers: (() => {
          const bad = Buffer.from(JSON.stringify({ subject: 'x', role: 'lower-case', department: 'civil-affairs' })).toString('base64url');
          return {
            ...sign(NOW, 'v-malformed'),
            [HEADERS.identity]: bad,
            [HEADERS.signature]: computeSignature(EXPLICIT_SECRET, target, String(NOW), 'v-malformed', 'req-v', bad, ENTITIES_BODY),
          };
        })(),
        body: ENTITIES_BODY,
        expect: refused('malformed identity'),
      },
    ],
  };
}

function buildVectors() {
  return {
    description: 'Test vectors of the signed identity header protocol cg-v1 (docs/department-protocol.md). Generated by `npm run protocol-vectors`; do not edit.',
    version: 'cg-v1',
    developmentSecret: {
      algorithm: 'lower-case hex HMAC-SHA256(key = "cg-development-only", message = department name)',
      examples: Object.fromEntries(['law-enforcement', 'civil-affairs', 'property'].map((n) => [n, subgraphSecret(n, {})])),
    },
    signing: SIGNING.map(signingCase),
    verification: verificationCases(),
  };
}

/** The vectors file's shape, as the test reads it back. */
export type Vectors = ReturnType<typeof buildVectors>;
export const renderVectors = () => `${JSON.stringify(buildVectors(), null, 2)}\n`;
export const readVectors = () => readFileSync(vectorsPath, 'utf8');
