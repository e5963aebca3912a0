/**
 * Exports under size: N overdue cases (copies of a seeded case, past due) exported as CSV and XLSX through the
 * gateway, read by a client as they stream. Prints rows, bytes, time and the process's heap growth while streaming,
 * against the file's size: a buffered export would grow the heap by at least the file. `npm run bench:exports [-- --cases 20000]`
 * (departments and gateway in this one process, so the heap figure includes the departments' pages too).
 */
import { newId, stableId } from '@cg/kit';
import { SECRETARY } from '../tests/support/jointCase';
import { startStack } from '@cg/kit/testing';
import { benchDatabase, report } from './support';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const CASES = arg('cases', 10_000);
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main() {
  process.env.LOG_LEVEL ??= 'warn';
  const mongo = await benchDatabase('exports');
  const stack = await startStack();
  const { JointCase } = stack.departments.party!.models;
  const template = await JointCase.findOne({ communityId: stableId('community', '义合美新城社区') }).lean();
  const past = new Date(Date.now() - 3_600_000);
  for (let i = 0; i < CASES; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, CASES - i) }, (_, j) => ({
      ...template,
      _id: newId(),
      status: 'DISPATCHED',
      version: 1,
      submittedAt: new Date(past.getTime() - (i + j) * 1000),
      dueAt: past,
      history: [],
      appliedKeys: [],
      description: `批量超期测试 ${i + j}, 含逗号 "引号"`,
    }));
    await JointCase.insertMany(batch, { lean: true });
  }
  const token = await stack.token('party-secretary', SECRETARY);
  const base = stack.gatewayUrl.replace(/\/graphql$/, '');
  const figures: Record<string, unknown> = { 'overdue cases inserted': CASES };
  const checks: Array<[string, boolean]> = [];
  for (const format of ['csv', 'xlsx'] as const) {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    const started = Date.now();
    const response = await fetch(`${base}/exports/overdue.${format}`, { headers: { authorization: `Bearer ${token}` } });
    let bytes = 0;
    let newlines = 0;
    let firstBytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      firstBytes ||= Date.now() - started;
      bytes += chunk.length;
      if (format === 'csv') for (const b of chunk) if (b === 10) newlines++;
    }
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    figures[`${format}: status, size`] = `${response.status}, ${mb(bytes)} MB`;
    figures[`${format}: seconds (rows/s)`] = `${seconds.toFixed(1)} (${Math.round(CASES / seconds)})`;
    figures[`${format}: first bytes after`] = `${firstBytes} ms`;
    figures[`${format}: heap growth while streaming (peak, uncollected garbage included)`] = `${mb(peak - baseline)} MB`;
    checks.push([`${format} answered 200`, response.status === 200]);
    // Each description holds a comma and quotes but no newline: a CSV line per case, plus the header.
    if (format === 'csv') checks.push([`csv holds at least the ${CASES} cases`, newlines - 1 >= CASES]);
  }
  report(`Exports of ${CASES} overdue cases, streamed`, figures, checks);
  await stack.stop();
  await mongo.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
