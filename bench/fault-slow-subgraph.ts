/**
 * Fault 3: one department (employment) turns slow (a proxy holds each request 5 s) while mixed queries run.
 * Callers get SUBGRAPH_TIMEOUT (then, once the breaker opens, SUBGRAPH_UNAVAILABLE at once) within the budget,
 * with every other department's data; when it is fast again, errors stop. `npm run bench:fault:slow`
 */
import { stableId } from '@cg/kit';
import { startDelayProxy } from '../tests/support/faults';
import { startStack } from '@cg/kit/testing';
import { benchDatabase, benchGateway, classify, errorSummary, post, report, runBench, sleep, stopAll, Tally } from './support';

const CONCURRENCY = 4;
const SLOW_MS = 6000;
const AFTER_MS = 5000;
const TIMEOUT_MS = 1000;
/** The caller's whole budget (GATEWAY_REQUEST_TIMEOUT_MS): no answer may take longer, whatever a department does. */
const REQUEST_BUDGET_MS = 3000;

async function main() {
  const mongo = await benchDatabase('slow');
  process.env.EMPLOYMENT_TIMEOUT_MS = String(TIMEOUT_MS);
  process.env.GATEWAY_REQUEST_TIMEOUT_MS = String(REQUEST_BUDGET_MS);
  const stack = await startStack();
  const proxy = await startDelayProxy(stack.departments.employment!.url, 0);
  const urls = Object.fromEntries(Object.entries(stack.departments).map(([n, d]) => [n, d.url]));
  const gateway = await benchGateway({ ...urls, employment: proxy.url });

  const residentId = stableId('resident', 'YHM0101000', 0);
  const query = `{ resident(id: "${residentId}") { name household { fileNumber dwelling { label } } partyMembership { category } employmentStatus { status } } }`;
  const slow = new Tally();
  const after = new Tally();
  const reasons = new Map<string, number>();
  let worstMs = 0;
  let othersMissing = 0;
  let phase: 'slow' | 'after' = 'slow';
  let fastAt = 0;
  let lastErrorAfter = 0;
  let running = true;

  // Healthy latency first (plan cached, connections warm), to compare with.
  const healthy: number[] = [];
  for (let i = 0; i < 10; i++) healthy.push((await post(gateway.url, query)).ms);
  proxy.setDelay(5000);
  const worker = async () => {
    while (running) {
      const { status, body, ms } = await post<{ resident?: { name?: string | null; household?: { dwelling?: { label?: string | null } | null } | null } | null }>(
        gateway.url,
        query,
      );
      const outcome = classify(status, body);
      if (outcome !== 'succeeded') reasons.set(`${phase}: ${errorSummary(status, body)}`, (reasons.get(`${phase}: ${errorSummary(status, body)}`) ?? 0) + 1);
      if (phase === 'slow') {
        slow.add(outcome);
        worstMs = Math.max(worstMs, ms);
        if (!body?.data?.resident?.household?.dwelling?.label || !body.data.resident.name) othersMissing++;
      } else {
        after.add(outcome);
        if (outcome !== 'succeeded') lastErrorAfter = Date.now();
      }
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, worker);
  await sleep(SLOW_MS);
  proxy.setDelay(0);
  fastAt = Date.now();
  phase = 'after';
  await sleep(AFTER_MS);
  running = false;
  await Promise.all(workers);

  const recoveryMs = lastErrorAfter ? lastErrorAfter - fastAt : 0;
  const budget = REQUEST_BUDGET_MS + 250; // + building and sending the answer
  report(
    'fault 3: employment answers after 5 s (its timeout: 1 s) under load, then recovers',
    {
      'requests sent': slow.sent + after.sent,
      succeeded: slow.succeeded + after.succeeded,
      partial: slow.partial + after.partial,
      failed: slow.failed + after.failed,
      'while slow': slow,
      'after it is fast again': after,
      'healthy answer, median of 10': `${Math.round(healthy.sort((a, b) => a - b)[5]!)} ms`,
      'slowest answer while slow': `${Math.round(worstMs)} ms (request budget ${REQUEST_BUDGET_MS} ms, employment timeout ${TIMEOUT_MS} ms)`,
      'answers missing other departments': othersMissing,
      'recovery time (fast again → last error)': `${recoveryMs} ms`,
      'records lost / duplicated': '0 / 0 (reads only)',
      'non-success answers by cause': Object.fromEntries(reasons),
    },
    [
      ["every answer while slow was partial, with the other departments' data", slow.partial === slow.sent && othersMissing === 0],
      ['every answer within the request budget', worstMs < budget],
      ['errors stopped within 5 s once it was fast again', recoveryMs < 5000 && after.succeeded > 0],
    ],
  );
  await stopAll(gateway, proxy, stack, mongo);
}

runBench(main);
