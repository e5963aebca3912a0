import { writeFileSync } from 'node:fs';
import { readVectors, renderVectors, vectorsPath } from '@cg/kit/conformance';

// Writes docs/department-protocol-vectors.json from the kit's signing code; `--check` fails when it differs.
const fresh = renderVectors();
if (process.argv.includes('--check')) {
  if (readVectors() !== fresh) {
    console.error('docs/department-protocol-vectors.json is stale: run `npm run protocol-vectors`');
    process.exit(1);
  }
  console.log('protocol vectors are up to date');
} else {
  writeFileSync(vectorsPath, fresh);
  console.log(`wrote ${vectorsPath}`);
}
