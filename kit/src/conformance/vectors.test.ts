import type { Vectors } from './vectors';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { readVectors, renderVectors } from './vectors';
import { verifySignedRequests } from '../auth/signing';
import type { NonceStore } from '../shared-state';
import { envName } from '../registry';

// The published vectors are what the kit computes today, and a department built on the kit answers the
// verification cases exactly as the document says.
test('docs/department-protocol-vectors.json is what the kit signs (npm run protocol-vectors)', () => {
  expect(readVectors()).toEqual(renderVectors());
});

test('the kit verifies the verification cases as documented', async () => {
  const { verification } = JSON.parse(readVectors()) as Vectors;
  const seen = new Set<string>();
  const nonces: NonceStore = { kind: 'database', claim: async (nonce) => !seen.has(nonce) && !!seen.add(nonce), close: async () => undefined };
  const secretVariable = `${envName(verification.target)}_HMAC_SECRET`;
  process.env[secretVariable] = verification.secret;
  const app = express();
  app.post('/graphql', ...verifySignedRequests(verification.target, nonces), (_req, res) => void res.json({ data: { ok: true } }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const realNow = Date.now;
  Date.now = () => verification.now;
  try {
    const answers = [];
    for (const c of verification.cases) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...c.headers }, body: c.body });
      const body = (await response.json()) as { errors?: Array<{ extensions: { code: string; reason: string } }> };
      const error = body.errors?.[0]?.extensions;
      answers.push({ name: c.name, expect: response.status === 200 ? { status: 200 } : { status: response.status, code: error?.code, reason: error?.reason } });
    }
    expect(answers).toEqual(verification.cases.map((c) => ({ name: c.name, expect: c.expect })));
  } finally {
    Date.now = realNow;
    delete process.env[secretVariable];
    server.close();
  }
});
