/**
 * `npm run bench:statistics [-- --scale demo --requests 5]`: one community's statistics (统计) for ten months, every
 * figure of every department, through the gateway, on a seeded world (default: demo, 义合美新城's 22,295 residents).
 * Seeds its own database (prefix bench_statistics_<pid>), starts the departments and a gateway in this process,
 * then sends the query one at a time after one to warm up; prints the median and slowest answer and each figure's
 * own time (the query with that field alone, once), so a slow figure shows which read to look at.
 */
import { departmentDbName, envName, listSubgraphs, startDepartment, stableId } from '@cg/kit';
import { dropDatabases, loadDepartment } from '@cg/kit/testing';
import { startGateway } from '../gateway/src/server';
import { seedWorld } from '../scripts/seed/write';
import { benchDatabase, post } from './support';

const arg = (name: string, fallback: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1]! : fallback);
const SCALE = arg('scale', 'demo');
const REQUESTS = Number(arg('requests', '5'));
Object.assign(process.env, { LOG_LEVEL: 'warn', RATE_LIMIT_POINTS: '100000000', SUBGRAPH_TIMEOUT_MS: '300000', GATEWAY_REQUEST_TIMEOUT_MS: '310000', PEER_TIMEOUT_MS: '300000' });

const FIELDS: Record<string, string> = {
  'visits due/done': 'visitsDue visitsDone mustVisitResidents',
  'disputes received/resolved': 'disputesReceived disputesResolved',
  'points ranking, first 20': 'civilityPointsRanking(first: 20) { totalCount edges { node { rank points resident { id } } } }',
  awards: 'civilityAwards(first: 20) { totalCount }',
  '双报到 rate and hours (party)': 'dualReporting { inServiceMembers reported rate } dualReportingServiceHours',
  'employment (employment)': 'employment { workingAgeResidents employed employmentRate welfarePostsFilled }',
};
const query = (selection: string) => `query($c: ID!) { community(id: $c) { statistics(from: "2026-01-01", to: "2026-10-31") { ${selection} } } }`;

async function timed(selection: string, variables: Record<string, unknown>, requests: number) {
  const times: number[] = [];
  let last: unknown;
  for (let i = 0; i < requests; i++) {
    const { ms, body } = await post(gatewayUrl, query(selection), variables, 320_000);
    if (!body || body.errors?.length) throw new Error(`statistics failed: ${JSON.stringify(body?.errors ?? body)}`);
    times.push(ms);
    last = body.data;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, last };
}

let gatewayUrl = '';

async function main() {
  const mongo = await benchDatabase('statistics');
  const departments: Array<{ stop(): Promise<void> }> = [];
  try {
    const seedStarted = performance.now();
    await seedWorld(mongo.uri, SCALE, process.env.MONGODB_DB_PREFIX);
    console.log(`seeded ${SCALE} in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
    const urls: Record<string, string> = {};
    for (const entry of listSubgraphs()) {
      const department = await startDepartment(await loadDepartment(entry.dir), { mongoUri: mongo.uri, dbName: departmentDbName(entry.name) });
      departments.push(department);
      urls[entry.name] = process.env[`${envName(entry.name)}_URL`] = department.url;
    }
    const gateway = await startGateway({ urls, limits: { ratePoints: 100_000_000 } });
    gatewayUrl = gateway.url;
    const variables = { c: stableId('community', '义合美新城社区') };
    await timed(Object.values(FIELDS).join(' '), variables, 1); // warm up
    const all = await timed(Object.values(FIELDS).join(' '), variables, REQUESTS);
    console.log(`\ncommunity statistics, 2026-01-01 to 2026-10-31, ${SCALE} scale, ${REQUESTS} sequential requests after one to warm up; each figure alone: one request\n`);
    console.log('| selection | median ms | max ms |\n| --- | ---: | ---: |');
    console.log(`| every figure | ${all.median.toFixed(0)} | ${all.max.toFixed(0)} |`);
    for (const [label, selection] of Object.entries(FIELDS)) {
      const one = await timed(selection, variables, 1);
      console.log(`| ${label} | ${one.median.toFixed(0)} | ${one.max.toFixed(0)} |`);
    }
    console.log(`\nanswer: ${JSON.stringify(all.last)}`);
    await gateway.stop();
  } finally {
    for (const department of departments) await department.stop();
    await dropDatabases(process.env.MONGODB_DB_PREFIX);
    await mongo.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
