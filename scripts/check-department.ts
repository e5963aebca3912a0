import { parseArgs } from 'node:util';
import { repositoryServices } from '../kit/src/conformance/composition';
import { formatResult, runConformance } from '../kit/src/conformance/run';

// npm run check-department -- <url> --name <name>: the conformance kit (docs/joining-from-outside.md). Signs as the
// gateway does, with <NAME>_HMAC_SECRET (or the development secret); exits 1 when any check fails.
const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' } } });
const url = positionals[0];
if (!url || !values.name) {
  console.error('usage: npm run check-department -- <url of its /graphql> --name <department name>');
  process.exit(2);
}
async function main() {
  const results = await runConformance({ url: url!, name: values.name!, current: repositoryServices(), log: (r) => console.log(formatResult(r)) });
  const failed = results.filter((r) => r.outcome === 'fail');
  console.log(
    `\n${values.name}: ${results.filter((r) => r.outcome === 'pass').length} passed, ${failed.length} failed, ${results.filter((r) => r.outcome === 'skip').length} skipped`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
