/**
 * `npm run persisted-documents` writes docs/operations/persisted-documents.json, the trusted-documents manifest of the
 * example operations (docs/operations/*.graphql): `{ "sha256:<hex>": "<document>" }`, the format and the document
 * printing of GraphQL Code Generator's client preset with `persistedDocuments: { hashAlgorithm: 'sha256' }`
 * (@graphql-tools/documents, the printer the preset uses). `-- --check` fails when the file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'graphql';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { exampleOperations } from '../gateway/src/examples';
import { documentHash, manifestPath } from '../gateway/src/trusted-documents';

export function persistedDocuments(): Record<string, string> {
  const manifest: Record<string, string> = {};
  for (const op of exampleOperations().filter((o) => o.file.startsWith('docs/operations/'))) {
    const document = printExecutableGraphQLDocument(parse(op.query));
    manifest[`sha256:${documentHash(document)}`] = document;
  }
  return manifest;
}

if (require.main === module) {
  const text = `${JSON.stringify(persistedDocuments(), null, 2)}\n`;
  const current = existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('docs/operations/persisted-documents.json is stale: run `npm run persisted-documents` and commit it.');
      process.exit(1);
    }
    console.log('docs/operations/persisted-documents.json is up to date.');
  } else {
    writeFileSync(manifestPath, text);
    console.log('wrote docs/operations/persisted-documents.json');
  }
}
