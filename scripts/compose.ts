/**
 * `npm run compose` writes schema/supergraph.graphql from subgraphs/*\/schema.graphql;
 * `npm run compose -- --check` fails (printing composition's own messages) when composition fails or the file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSupergraph, repoRoot, supergraphPath } from '@cg/kit';

const check = process.argv.includes('--check');
const result = checkSupergraph();
const shown = path.relative(repoRoot, supergraphPath);
if (result.errors.length > 0) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const message of result.errors) console.error(`  - ${message}`);
  process.exit(1);
}
if (check) {
  if (result.stale) {
    console.error(`${shown} is stale: run \`npm run compose\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${shown} is up to date.`);
} else {
  writeFileSync(supergraphPath, result.supergraphSdl!);
  console.log(`wrote ${shown}`);
}
