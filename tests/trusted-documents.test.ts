import { readFileSync } from 'node:fs';
import { documentHash, manifestPath, readManifest, trustedDocumentsFromEnv } from '@cg/gateway/trusted-documents';
import { persistedDocuments } from '../scripts/persisted-documents';

// The trusted-documents manifest of docs/operations/ is what `npm run persisted-documents` writes, and is checked.
test('docs/operations/persisted-documents.json is the manifest of docs/operations/*.graphql', () => {
  const manifest = persistedDocuments();
  expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(2);
  expect(readFileSync(manifestPath, 'utf8')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  expect(Object.values(manifest).map((d) => /\b(query|mutation) (\w+)/.exec(d)?.[2])).toEqual(expect.arrayContaining(['JointCaseDossier']));
});

test('a manifest entry whose id is not the SHA-256 of its document is refused', () => {
  const document = 'query A { __typename }';
  expect(readManifest(JSON.stringify({ [`sha256:${documentHash(document)}`]: document }))).toEqual({ [`sha256:${documentHash(document)}`]: document });
  expect(() => readManifest(JSON.stringify({ [`sha256:${documentHash('query B { __typename }')}`]: document }))).toThrow(/is not the SHA-256/);
});

test('enforcement: on in production unless switched off, auditors ad hoc by default, trusted clients by name', () => {
  expect(trustedDocumentsFromEnv({ NODE_ENV: 'production' })).toMatchObject({ enforce: true, adHocRoles: ['AUDITOR'], clients: [] });
  expect(trustedDocumentsFromEnv({ NODE_ENV: 'production', GATEWAY_TRUSTED_DOCUMENTS: 'off' }).enforce).toBe(false);
  expect(trustedDocumentsFromEnv({ GATEWAY_TRUSTED_CLIENTS: 'resident-app, grid-app', GATEWAY_ADHOC_ROLES: 'AUDITOR,DEPARTMENT_CLERK' })).toMatchObject({
    enforce: false,
    clients: ['resident-app', 'grid-app'],
    adHocRoles: ['AUDITOR', 'DEPARTMENT_CLERK'],
  });
  expect(() => trustedDocumentsFromEnv({ GATEWAY_TRUSTED_DOCUMENTS: 'maybe' })).toThrow(/enforce/);
});
