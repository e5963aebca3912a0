import type { SeedMarker } from '../../scripts/seed/marker';
import type { LoadResult } from './load';

/** The printed results of bench/perf.ts: the machine, the data, one row per scenario and target, the ratios. */

export interface Row extends LoadResult {
  scenario: string;
  target: string;
  cpuPercent: number;
  cpuSeconds: number;
  peakRssMb: number;
  fetches: number;
  commands: number;
  byDepartment: string;
}

const COLUMNS: Array<[string, (r: Row) => string | number]> = [
  ['scenario', (r) => r.scenario],
  ['target', (r) => r.target],
  ['req/s', (r) => r.rps],
  ['p50 ms', (r) => r.p50],
  ['p95 ms', (r) => r.p95],
  ['p99 ms', (r) => r.p99],
  ['CPU %', (r) => r.cpuPercent],
  ['CPU ms/answer', (r) => (r.requests ? Math.round((r.cpuSeconds * 10000) / r.requests) / 10 : '–')],
  ['peak RSS MB', (r) => r.peakRssMb],
  ['fetches/req', (r) => r.fetches],
  ['db cmds/req', (r) => r.commands],
  ['per department fetches/cmds', (r) => r.byDepartment],
  ['answers (failed)', (r) => `${r.requests} (${r.failed})`],
];

const ratio = (a: number | undefined, b: number | undefined) => (a && b ? Math.round((a / b) * 100) / 100 : NaN);

export function printReport(rows: Row[], seeds: SeedMarker[], run: Record<string, string | number>) {
  console.log(`\nmachine: ${run.cpus} cores (${run.cpuModel}), ${run.memGb} GiB, Node ${process.version}, database ${run.database}`);
  console.log(
    `run: scale ${run.scale}, ${run.seconds} s per target, ${run.connections} connections, gateway workers ${run.workers}; CPU % and RSS are the serving process (all its workers)`,
  );
  for (const seed of seeds) {
    const residents = seed.counts.find((c) => c.collection === 'residents')?.documents;
    const total = seed.counts.reduce((sum, c) => sum + c.documents, 0);
    console.log(`data: scale ${seed.scale} (prefix ${seed.prefix}): ${residents} residents, ${total} documents in ${seed.counts.length} collections, seeded in ${seed.seconds} s`);
  }
  console.log(`\n| ${COLUMNS.map(([h]) => h).join(' | ')} |\n|${COLUMNS.map(() => ' --- |').join('')}`);
  for (const row of rows) console.log(`| ${COLUMNS.map(([, f]) => f(row)).join(' | ')} |`);

  const find = (scenario: string, target: string) => rows.find((r) => r.scenario.startsWith(scenario) && r.target === target);
  const checks: Array<[string, number, string]> = [];
  const ours = (n: string) => find(n, 'our gateway');
  checks.push(['1: our gateway / department directly, req/s', ratio(ours('1 one')?.rps, find('1 one', 'department directly')?.rps), '>= 0.7']);
  checks.push(['1: our gateway / Hive Gateway, req/s', ratio(ours('1 one')?.rps, find('1 one', 'Hive Gateway')?.rps), 'reported']);
  checks.push(['2: our gateway / Hive Gateway, req/s', ratio(ours('2')?.rps, find('2', 'Hive Gateway')?.rps), '>= 1.3']);
  checks.push(['2: our gateway / monolith, req/s', ratio(ours('2')?.rps, find('2', 'monolith')?.rps), '>= 0.5']);
  checks.push(['2: our gateway / monolith, p99', ratio(ours('2')?.p99, find('2', 'monolith')?.p99), '<= 3.0']);
  checks.push(['3: our gateway / Hive Gateway, req/s', ratio(ours('3')?.rps, find('3', 'Hive Gateway')?.rps), '>= 1.3']);
  checks.push(['3: our gateway / monolith, req/s', ratio(ours('3')?.rps, find('3', 'monolith')?.rps), 'reported']);
  for (const n of ['1', '2', '3']) checks.push([`${n}: our gateway / other gateway (--compare), req/s`, ratio(ours(n)?.rps, find(n, 'other gateway')?.rps), 'reported']);
  checks.push(['4: our gateway / Hive Gateway, req/s', ratio(ours('4')?.rps, find('4', 'Hive Gateway')?.rps), 'reported']);
  checks.push(['by id: p50 at this scale / p50 at county', ratio(ours('1 one department')?.p50, find('1 one department (county)', 'our gateway')?.p50), '<= 1.3']);
  console.log('\n| ratio | value | target | met |\n| --- | --- | --- | --- |');
  // Only what this run measured (`--only`, `--quick` leave scenarios out).
  for (const [name, value, target] of checks.filter(([, value]) => !Number.isNaN(value))) {
    const [op, bound] = target.split(' ');
    const met = !bound ? '' : (op === '>=' ? value >= Number(bound) : value <= Number(bound)) ? 'yes' : 'NO';
    console.log(`| ${name} | ${value} | ${target} | ${met} |`);
  }
  const fanOut = ours('3');
  if (fanOut) console.log(`\nscenario 3 per department (fetches/commands per request, our gateway): ${fanOut.byDepartment}`);
}
