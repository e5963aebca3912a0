/**
 * `npm run bench:faults`: every fault run in turn, each a process of its own (bounded in count and time), then one
 * line per run. Exits 1 when any check failed. The figures go into docs/reliability.md.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const runs: Array<[string, string, string[], string[]?]> = [
  ['kill a department', 'fault-kill-subgraph.ts', []],
  ['database outage: the MongoDB-protocol server', 'fault-database.ts', []],
  ['database outage: PostgreSQL under FerretDB', 'fault-database.ts', [], ['--kill', 'postgresql']],
  ['slow department', 'fault-slow-subgraph.ts', []],
  ['hostile requests', 'fault-hostile.ts', ['--expose-gc']],
];

const results = runs.map(([name, file, flags, args = []]) => {
  const started = Date.now();
  const run = spawnSync(process.execPath, [...flags, '--import', 'tsx', path.join(__dirname, file), ...args], { stdio: 'inherit', timeout: 600_000 });
  return { name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
});
console.log('\n=== fault runs');
for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${r.seconds} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
