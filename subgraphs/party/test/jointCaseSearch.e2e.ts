import { expectError, useStack } from '@cg/kit/testing';
import { ON_THE_CLOCK } from '../src/jointCase/lifecycle';

// Finding cases (一呼联动) by unit, date range, urgency, overdue, category and words of the description, through the
// gateway; each expectation is counted from the seeded world, never from another answer.
const { stack, world } = useStack({ as: 'party-secretary' });

type Case = {
  _id: string;
  tasks: Array<{ unitId: string }>;
  submittedAt: Date;
  dueAt: Date;
  status: string;
  urgency: string;
  category: string;
  description: string;
  communityId: string;
};
const cases = () => world().party!.JointCase! as unknown as Case[];

const search = async (filter: Record<string, unknown>, first = 100) => {
  const { data, errors } = await stack.query('query($f: JointCaseFilter, $n: Int) { jointCases(filter: $f, first: $n) { totalCount edges { node { id } } } }', {
    f: filter,
    n: first,
  });
  expect(errors).toBeUndefined();
  return { totalCount: data.jointCases.totalCount as number, ids: (data.jointCases.edges as Array<{ node: { id: string } }>).map((e) => e.node.id).sort() };
};

test('a unit filter counts the cases the unit has a task on (totalCount was 0 on the embedded database)', async () => {
  const unitId = cases().find((c) => c.tasks.length > 0)!.tasks[0]!.unitId;
  const expected = cases().filter((c) => c.tasks.some((t) => t.unitId === unitId));
  expect(expected.length).toBeGreaterThan(0);
  const found = await search({ unitId });
  expect(found.totalCount).toBe(expected.length);
  expect(found.ids).toHaveLength(Math.min(100, expected.length));
  const ids = new Set(expected.map((c) => c._id));
  expect(found.ids.every((id) => ids.has(id))).toBe(true);
});

test('by submission range, urgency, overdue and category, alone and together', async () => {
  const all = cases();
  const times = all.map((c) => new Date(c.submittedAt).getTime()).sort((a, b) => a - b);
  const from = new Date(times[Math.floor(times.length / 4)]!).toISOString();
  const to = new Date(times[Math.floor((3 * times.length) / 4)]!).toISOString();
  const inRange = (c: Case) => new Date(c.submittedAt).toISOString() >= from && new Date(c.submittedAt).toISOString() < to;
  const now = Date.now();
  const overdue = (c: Case) => ON_THE_CLOCK.includes(c.status as never) && new Date(c.dueAt).getTime() < now;
  const category = all[0]!.category;
  const checks: Array<[Record<string, unknown>, (c: Case) => boolean]> = [
    [{ submittedFrom: from, submittedTo: to }, inRange],
    [{ urgency: 'EMERGENCY' }, (c) => c.urgency === 'EMERGENCY'],
    [{ overdue: true }, overdue],
    [{ overdue: false }, (c) => !overdue(c)],
    [{ category, urgency: 'NORMAL', submittedFrom: from }, (c) => c.category === category && c.urgency === 'NORMAL' && new Date(c.submittedAt).toISOString() >= from],
  ];
  for (const [filter, keep] of checks) {
    const expected = all.filter(keep);
    const found = await search(filter);
    expect([filter, found.totalCount]).toEqual([filter, expected.length]);
    const ids = new Set(expected.map((c) => c._id));
    expect(found.ids.every((id) => ids.has(id))).toBe(true);
  }
  expect(all.some(overdue)).toBe(true);
});

test('by words of the description, narrowed by a community or a range; a bare word search and bad ranges are refused', async () => {
  const sample = cases().find((c) => c.description.length >= 4)!;
  const word = [...sample.description].slice(0, 2).join('');
  const expected = cases().filter((c) => c.communityId === sample.communityId && c.description.toLowerCase().includes(word.toLowerCase()));
  const found = await search({ communityId: sample.communityId, text: word });
  expect(found.totalCount).toBe(expected.length);
  expect(found.ids).toContain(sample._id);
  // Two words: both must occur.
  const both = await search({ communityId: sample.communityId, text: `${word} 不会出现的词` });
  expect(both.totalCount).toBe(0);

  const query = 'query($f: JointCaseFilter) { jointCases(filter: $f) { totalCount } }';
  expectError(await stack.query(query, { f: { text: word } }), 'BAD_USER_INPUT', 'filter.text');
  expectError(await stack.query(query, { f: { text: word, submittedFrom: '2020-01-01T00:00:00Z', submittedTo: '2026-01-01T00:00:00Z' } }), 'BAD_USER_INPUT', 'filter.text');
  expectError(await stack.query(query, { f: { communityId: sample.communityId, text: '   ' } }), 'BAD_USER_INPUT', 'filter.text');
  expectError(await stack.query(query, { f: { submittedFrom: '2026-01-01' } }), 'BAD_USER_INPUT', 'filter.submittedFrom');
  expectError(await stack.query(query, { f: { submittedFrom: '2026-02-01T00:00:00Z', submittedTo: '2026-01-01T00:00:00Z' } }), 'BAD_USER_INPUT', 'filter.submittedTo');
});
