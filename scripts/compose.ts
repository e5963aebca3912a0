/**
 * `npm run compose` writes schema/supergraph.graphql from subgraphs/*\/schema.graphql, and each contract's API schema
 * (schema/contracts/<name>.graphql, from <name>.yaml; gateway/src/contracts.ts); `npm run compose -- --check` fails
 * (printing composition's own messages) when composition fails or a file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSupergraph, repoRoot, supergraphPath } from '@cg/kit';
import { buildContracts, contractSchemaPath } from '../gateway/src/contracts';

const check = process.argv.includes('--check');
const result = checkSupergraph();
const shown = (file: string) => path.relative(repoRoot, file);
if (result.errors.length > 0) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const message of result.errors) console.error(`  - ${message}`);
  process.exit(1);
}
const outputs = [
  { file: supergraphPath, text: result.supergraphSdl! },
  ...buildContracts(result.supergraphSdl!).map((contract) => ({ file: contractSchemaPath(contract.name), text: contract.apiSchemaSdl })),
];
let stale = false;
for (const { file, text } of outputs) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (!check) {
    if (current !== text) writeFileSync(file, text);
    console.log(`wrote ${shown(file)}`);
  } else if (current !== text) {
    console.error(`${shown(file)} is stale: run \`npm run compose\` and commit the result.`);
    stale = true;
  } else console.log(`${shown(file)} is up to date.`);
}
if (stale) process.exit(1);
