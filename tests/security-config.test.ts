import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { envName, listSubgraphs, repoRoot, subgraphSecret } from '@cg/kit';
import { authOptionsFromEnv } from '@cg/gateway/auth';
import { limitsFromEnv } from '@cg/gateway/limits';

// Configuration that must hold wherever the system runs: production refuses development secrets and keys.
test('production refuses to run without a configured per-department secret, and refuses a short one', () => {
  expect(() => subgraphSecret('party', { NODE_ENV: 'production' })).toThrow(/PARTY_HMAC_SECRET is required/);
  expect(() => subgraphSecret('party', { NODE_ENV: 'production', PARTY_HMAC_SECRET: 'short' })).toThrow(/at least 32/);
  expect(subgraphSecret('party', { PARTY_HMAC_SECRET: 'p'.repeat(32) })).toBe('p'.repeat(32));
  // Development secrets differ per department, so one department's secret never opens another.
  expect(subgraphSecret('party', {})).not.toBe(subgraphSecret('property', {}));
});

test('production refuses development keys and a missing issuer', async () => {
  await expect(authOptionsFromEnv({ NODE_ENV: 'production' })).rejects.toThrow(/development keys are never used in production/);
  await expect(authOptionsFromEnv({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' })).rejects.toThrow(/AUTH_ISSUER/);
  await expect(authOptionsFromEnv({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example' })).resolves.toMatchObject({
    issuer: 'https://idp.example',
  });
  await expect(authOptionsFromEnv({ AUTH_PUBLIC_KEYS: 'garbage' })).rejects.toThrow(/neither a JWKS nor PEM/);
});

test('production turns introspection, field suggestions and stack traces off; each can be set by env', () => {
  expect(limitsFromEnv({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, blockFieldSuggestions: true, stackTraces: false });
  expect(limitsFromEnv({})).toMatchObject({ introspection: true, blockFieldSuggestions: false, stackTraces: true });
  expect(limitsFromEnv({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_MAX_DEPTH: '7' })).toMatchObject({ introspection: true, maxDepth: 7 });
  expect(() => limitsFromEnv({ RATE_LIMIT_POINTS: '-1' })).toThrow(/RATE_LIMIT_POINTS/);
});

test("docker-compose gives every service every department's HMAC secret and the gateway its identity provider", () => {
  const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true });
  for (const service of [...listSubgraphs().map((s) => s.name), 'gateway']) {
    for (const entry of listSubgraphs()) expect(Object.keys(compose.services[service].environment)).toContain(`${envName(entry.name)}_HMAC_SECRET`);
  }
  expect(compose.services.gateway.environment).toHaveProperty('AUTH_ISSUER');
});
