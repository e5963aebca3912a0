import { pageRanking, parseStatisticsId, readInChunks, requireStatisticsRange, STATISTICS_IN_CHUNK, statisticsId } from './statistics';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    const { code, field, reason } = (error as { extensions: Record<string, unknown> }).extensions;
    return { code, field, reason };
  }
  return null;
};

test('a range: real dates, from not after to, at most 366 days (a leap year fits)', () => {
  expect(requireStatisticsRange('2024-01-01', '2024-12-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  expect(code(() => requireStatisticsRange('2026-03-02', '2026-03-01'))).toEqual({ code: 'BAD_USER_INPUT', field: 'from', reason: 'RANGE_REVERSED' });
  expect(code(() => requireStatisticsRange('2025-01-01', '2026-01-02'))).toEqual({ code: 'BAD_USER_INPUT', field: 'to', reason: 'RANGE_TOO_LONG' });
  expect(code(() => requireStatisticsRange('2026-02-29', '2026-03-01'))?.field).toBe('from');
});

test('a statistics id round-trips, and an id no department gave out is BAD_USER_INPUT', () => {
  const id = statisticsId('GRID', '0123456789abcdef01234567', '2026-01-01', '2026-01-31');
  expect(parseStatisticsId(id)).toEqual({ scope: 'GRID', scopeId: '0123456789abcdef01234567', from: '2026-01-01', to: '2026-01-31' });
  for (const bad of ['GRID:x:2026-01-01:2026-01-31', 'PLANET:0123456789abcdef01234567:2026-01-01:2026-01-31', `${id}:extra`, ''])
    expect(code(() => parseStatisticsId(bad))?.code).toBe('BAD_USER_INPUT');
});

test('a ranking pages by rank; a foreign cursor or page size is BAD_USER_INPUT', () => {
  const rows = Array.from({ length: 7 }, (_, i) => i + 1);
  const first = pageRanking(rows, { first: 3 });
  expect([first.edges.map((e) => e.node), first.totalCount, first.pageInfo.hasNextPage]).toEqual([[1, 2, 3], 7, true]);
  const last = pageRanking(rows, { first: 5, after: pageRanking(rows, { first: 5 }).pageInfo.endCursor });
  expect([last.edges.map((e) => e.node), last.pageInfo.hasNextPage]).toEqual([[6, 7], false]);
  expect(code(() => pageRanking(rows, { after: 'abc' }))?.field).toBe('after');
  expect(code(() => pageRanking(rows, { first: 101 }))?.field).toBe('first');
});

test('long id lists are read in chunks, results in order', async () => {
  const ids = Array.from({ length: STATISTICS_IN_CHUNK * 2 + 3 }, (_, i) => String(i));
  const sizes: number[] = [];
  const out = await readInChunks(ids, async (chunk) => (sizes.push(chunk.length), chunk));
  expect(out).toEqual(ids);
  expect(sizes.sort((a, b) => a - b)).toEqual([3, STATISTICS_IN_CHUNK, STATISTICS_IN_CHUNK]);
});
