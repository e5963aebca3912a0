import { serialized } from './serialize';

test('calls with one key run one after another, in call order, even when one fails; other keys do not wait', async () => {
  const log: string[] = [];
  const slow = (label: string, ms: number, fail = false) => async () => {
    log.push(`start ${label}`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    log.push(`end ${label}`);
    if (fail) throw new Error(label);
    return label;
  };
  const results = await Promise.allSettled([serialized('a', slow('a1', 30, true)), serialized('a', slow('a2', 5)), serialized('b', slow('b1', 1))]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
  expect(log.indexOf('end b1')).toBeLessThan(log.indexOf('end a1'));
});
