/**
 * Fault 1: SIGKILL one department (property, its own process) while mixed queries run, restart it.
 * Queries that do not need it keep succeeding; those that do get partial data with SUBGRAPH_UNAVAILABLE naming it;
 * after the restart, errors stop within seconds. `npm run bench:fault:kill`
 */
import { stableId } from '@cg/kit';
import { startStack } from '@cg/kit/testing';
import { benchDatabase, benchGateway, classify, errorSummary, post, report, runBench, sleep, spawnDepartment, stopAll, Tally } from './support';

const CONCURRENCY = 4;
const HEALTHY_MS = 2000;
const DOWN_MS = 4000;
const AFTER_MS = 4000;

async function main() {
  const mongo = await benchDatabase('kill');
  const stack = await startStack();
  const property = await spawnDepartment('property');
  const urls = Object.fromEntries(Object.entries(stack.departments).map(([n, d]) => [n, d.url]));
  const gateway = await benchGateway({ ...urls, property: property.url });

  const residentId = stableId('resident', 'YHM0101000', 0);
  const gridId = stableId('grid', 'ZB-YHM-02');
  const mix = [
    { name: 'independent', query: `{ grid(id: "${gridId}") { code name partyBranch { name memberCount } } }` },
    { name: 'independent', query: `{ resident(id: "${residentId}") { name household { fileNumber } employmentStatus { status } } }` },
    { name: 'needs-property', query: `{ resident(id: "${residentId}") { name household { fileNumber dwelling { label } } } }` },
    { name: 'needs-property', query: `{ grid(id: "${gridId}") { code buildings { edges { node { number } } } } }` },
  ];
  const phases = { before: new Tally(), downIndependent: new Tally(), downNeedsProperty: new Tally(), after: new Tally() };
  let phase: 'before' | 'down' | 'after' = 'before';
  let restartedAt = 0;
  let lastErrorAfterRestart = 0;
  let namedAndCoded = true;
  let leaked = false;
  let running = true;
  const reasons = new Map<string, number>();

  const worker = async (w: number) => {
    for (let i = w; running; i++) {
      const item = mix[i % mix.length]!;
      const { status, body } = await post(gateway.url, item.query);
      const outcome = classify(status, body);
      if (/127\.0\.0\.1|localhost|ECONNREFUSED|http:\/\//.test(JSON.stringify(body))) leaked = true;
      if (outcome !== 'succeeded')
        reasons.set(`${phase} ${item.name}: ${errorSummary(status, body)}`, (reasons.get(`${phase} ${item.name}: ${errorSummary(status, body)}`) ?? 0) + 1);
      if (phase === 'before') phases.before.add(outcome);
      else if (phase === 'down') {
        (item.name === 'independent' ? phases.downIndependent : phases.downNeedsProperty).add(outcome);
        for (const e of body?.errors ?? []) if (e.extensions?.subgraph !== 'property' || !/^SUBGRAPH_/.test(e.extensions?.code ?? '')) namedAndCoded = false;
      } else {
        phases.after.add(outcome);
        if (outcome !== 'succeeded') lastErrorAfterRestart = Date.now();
      }
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));
  await sleep(HEALTHY_MS);
  await property.kill();
  phase = 'down';
  await sleep(DOWN_MS);
  await property.start();
  restartedAt = Date.now();
  phase = 'after';
  await sleep(AFTER_MS);
  running = false;
  await Promise.all(workers);

  const recoveryMs = lastErrorAfterRestart ? lastErrorAfterRestart - restartedAt : 0;
  const all = [phases.before, phases.downIndependent, phases.downNeedsProperty, phases.after];
  report(
    'fault 1: SIGKILL the property department under mixed load, then restart it',
    {
      'requests sent': all.reduce((n, t) => n + t.sent, 0),
      succeeded: all.reduce((n, t) => n + t.succeeded, 0),
      partial: all.reduce((n, t) => n + t.partial, 0),
      failed: all.reduce((n, t) => n + t.failed, 0),
      'before the kill': phases.before,
      'while down, not needing property': phases.downIndependent,
      'while down, needing property': phases.downNeedsProperty,
      'after the restart': phases.after,
      'recovery time (ready → last error)': `${recoveryMs} ms`,
      'records lost / duplicated': '0 / 0 (reads only)',
      'non-success answers by cause': Object.fromEntries(reasons),
    },
    [
      ['queries not needing property kept succeeding', phases.downIndependent.sent > 0 && phases.downIndependent.succeeded === phases.downIndependent.sent],
      ['queries needing property got partial data + errors', phases.downNeedsProperty.sent > 0 && phases.downNeedsProperty.partial === phases.downNeedsProperty.sent],
      ['every error names property with a SUBGRAPH_* code', namedAndCoded],
      ['no URL or connection detail leaked', !leaked],
      ['errors stopped within 5 s of the restart', recoveryMs < 5000 && phases.after.succeeded > 0],
      ['no request failed outright at any time (a partial answer at most)', all.every((t) => t.failed === 0)],
    ],
  );
  await stopAll(gateway, property, stack, mongo);
}

runBench(main);
