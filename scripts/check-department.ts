import { parseArgs } from 'node:util';
import { formatResult, registryServices, repositoryServices, runConformance } from '@cg/kit/conformance';

// npm run check-department -- <url> --name <name> [--registry <the gateway's /registry URL>]: the conformance kit
// (docs/joining-from-outside.md). Signs as the gateway does, with <NAME>_HMAC_SECRET (or the development secret);
// exits 1 when any check fails. Composes with this repository's departments, or, with --registry (or REGISTRY_URL)
// and REGISTRY_TOKEN, with the departments that registry serves now.
const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' }, registry: { type: 'string' } } });
const url = positionals[0];
const registry = values.registry ?? process.env.REGISTRY_URL;
if (!url || !values.name) {
  console.error("usage: npm run check-department -- <url of its /graphql> --name <department name> [--registry <url of the gateway's /registry>]");
  process.exit(2);
}
async function main() {
  if (registry && !process.env.REGISTRY_TOKEN) throw new Error('--registry needs REGISTRY_TOKEN (the registry token) in the environment');
  const current = registry ? await registryServices(registry, process.env.REGISTRY_TOKEN!) : repositoryServices();
  console.log(`composing with ${registry ? `the departments ${registry} serves now` : "this repository's departments"}: ${current.map((s) => s.name).join(', ')}\n`);
  const results = await runConformance({ url: url!, name: values.name!, current, log: (r) => console.log(formatResult(r)) });
  const failed = results.filter((r) => r.outcome === 'fail');
  console.log(
    `\n${values.name}: ${results.filter((r) => r.outcome === 'pass').length} passed, ${failed.length} failed, ${results.filter((r) => r.outcome === 'skip').length} skipped`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
