/** `npm run policy-table` writes docs/policy.md from the SDL; `-- --check` fails when the file is stale. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { policyTable, repoRoot } from '@cg/kit';

const file = path.join(repoRoot, 'docs', 'policy.md');
const table = policyTable();
if (process.argv.includes('--check')) {
  if (!existsSync(file) || readFileSync(file, 'utf8') !== table) {
    console.error('docs/policy.md is stale: run npm run policy-table');
    process.exit(1);
  }
  console.log('docs/policy.md is up to date');
} else {
  writeFileSync(file, table);
  console.log('wrote docs/policy.md');
}
