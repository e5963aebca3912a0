import { FULL_ID_NUMBER, FULL_PHONE, stableId, type World } from '@cg/kit';
import { buildWorld, startStack, type Stack } from '@cg/kit/testing';

// Full values reach entitled callers but never a log line or an error message: everything the servers print while
// serving them (and while refusing hostile requests) is captured and searched for every resident's ID number and phone.
let stack: Stack;
let world: World;
const printed: string[] = [];
const spies: jest.SpyInstance[] = [];

beforeAll(async () => {
  world = await buildWorld('small');
  stack = await startStack();
  const capture = (chunk: unknown) => void printed.push(String(chunk));
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    spies.push(jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: any[]) => (capture(chunk), write(chunk as any, ...rest))) as any));
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    spies.push(
      jest
        .spyOn(console, level)
        .mockImplementation(
          (...args: unknown[]) => (
            capture(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
            original(...args)
          ),
        ),
    );
  }
}, 120_000);
afterAll(async () => {
  spies.forEach((s) => s.mockRestore());
  await stack.stop();
});

test('entitled callers get full ID numbers and phones; no log line and no error message carries one', async () => {
  const residents = world['civil-affairs']!.Resident!;
  const grid = stableId('grid', 'ZB-YHM-01');
  const full = await stack.query(`query Full { grid(id: "${grid}") { residents(first: 100) { edges { node { id idNumber phone } } } } }`, {}, { purpose: 'ASSISTANCE_REVIEW' });
  const first = full.data.grid.residents.edges.map((e: any) => e.node).find((r: any) => r.phone);
  const stored = residents.find((r) => r._id === first.id)!;
  expect(first.idNumber).toBe(stored.idNumber); // the full value really went through the servers

  // Hostile and broken requests that could echo a value into an error or a log.
  const id = stored.idNumber as string;
  const phone = stored.phone as string;
  const echoes = [
    await stack.query(`{ resident(id: "${id}") { id } }`),
    await stack.query(`{ resident(id: ${id}) { id } }`),
    await stack.query(`{ resident(id: "${stored._id}") { name(x: "${phone}") } }`),
    await stack.query(`query($id: ID!) { resident(id: $id) { id } }`, { id: { $eq: id } }),
    await stack.query(`{ grid(id: "${grid}") { residents { totalCount } } }`, {}, { token: `${id}.${phone}.x` }),
  ];
  for (const answer of echoes) {
    expect(answer.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer)).not.toContain(id);
    expect(JSON.stringify(answer)).not.toContain(phone);
  }

  const log = printed.join('\n');
  for (const r of residents) {
    expect(log.includes(r.idNumber as string)).toBe(false);
    if (r.phone) expect(log.includes(r.phone as string)).toBe(false);
  }
  expect(log.match(FULL_ID_NUMBER)).toBeNull();
  expect(log.match(FULL_PHONE)).toBeNull();
});
