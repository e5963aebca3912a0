import { actor, escapeRegex, optionalDate, optionalId, optionalText, periodKind, pickSort, requireEnum, requirePeriod } from './input';

const badField = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

test('requireEnum: an allowed value passes, anything else names the field', () => {
  expect(requireEnum('OPEN', ['OPEN', 'CLOSED'] as const, 'status')).toBe('OPEN');
  expect(thrown(() => requireEnum('open', ['OPEN', 'CLOSED'] as const, 'status'))).toEqual(badField('status'));
  expect(thrown(() => requireEnum(3, ['OPEN'] as const, 'status'))).toEqual(badField('status'));
});

test('optionalText: absent, empty and whitespace-only all mean none; text is trimmed and bounded', () => {
  expect(optionalText(undefined, 'note')).toBeUndefined();
  expect(optionalText(null, 'note')).toBeUndefined();
  expect(optionalText('', 'note')).toBeUndefined();
  expect(optionalText(' \t\n ', 'note')).toBeUndefined();
  expect(optionalText('  上门  ', 'note')).toBe('上门');
  expect(optionalText('abc', 'note', 3)).toBe('abc');
  expect(thrown(() => optionalText('abcd', 'note', 3))).toEqual(badField('note'));
  expect(thrown(() => optionalText('x'.repeat(2001), 'note'))).toEqual(badField('note'));
});

test('optionalId and optionalDate: absent stays absent, a given value must be well formed', () => {
  expect(optionalId(null, 'gridId')).toBeUndefined();
  expect(optionalId('0123456789abcdef01234567', 'gridId')).toBe('0123456789abcdef01234567');
  expect(thrown(() => optionalId('nope', 'gridId'))).toEqual(badField('gridId'));
  expect(optionalDate(undefined, 'from')).toBeUndefined();
  expect(optionalDate('2024-02-29', 'from')).toBe('2024-02-29');
  expect(thrown(() => optionalDate('2023-02-29', 'from'))).toEqual(badField('from'));
});

test('requirePeriod: a year, a quarter or a month, limited to the kinds the caller accepts', () => {
  expect(periodKind('2026')).toBe('YEAR');
  expect(periodKind('2026-Q4')).toBe('QUARTER');
  expect(periodKind('2026-11')).toBe('MONTH');
  expect(periodKind('2026-13')).toBeNull();
  expect(requirePeriod('2026-11', 'month', ['MONTH'])).toBe('2026-11');
  expect(requirePeriod('2026', 'period', ['YEAR', 'QUARTER'])).toBe('2026');
  expect(requirePeriod('2026-Q2', 'period', ['YEAR', 'QUARTER'])).toBe('2026-Q2');
  for (const [value, kinds] of [
    ['2026', ['MONTH']],
    ['2026-11', ['YEAR', 'QUARTER']],
    ['2026-Q5', ['QUARTER']],
    ['2026-00', ['MONTH']],
    ['26-01', ['MONTH']],
  ] as const) {
    expect(thrown(() => requirePeriod(value, 'period', kinds))).toEqual(badField('period'));
  }
  expect((thrown(() => requirePeriod('x', 'period', ['YEAR', 'QUARTER'])) as Error).message).toBe('period must be a year YYYY or a quarter YYYY-Qn (n 1–4)');
});

test('escapeRegex: every regular-expression character is matched literally', () => {
  const text = 'a.b*c(d)[e]+?^$|\\';
  expect(new RegExp(`^${escapeRegex(text)}$`).test(text)).toBe(true);
  expect(new RegExp(escapeRegex('a.b')).test('axb')).toBe(false);
});

test('pickSort: the named order, the fallback when none is named, bad input for an unknown name', () => {
  const sorts = { NAME_ASC: { name: 1 }, NAME_DESC: { name: -1, _id: -1 } } as const;
  expect(pickSort(sorts, 'NAME_DESC', 'NAME_ASC')).toEqual({ name: -1, _id: -1 });
  expect(pickSort(sorts, null, 'NAME_ASC')).toEqual({ name: 1 });
  expect(pickSort(sorts, undefined, 'NAME_DESC')).toEqual({ name: -1, _id: -1 });
  expect(thrown(() => pickSort<string>(sorts, 'toString', 'NAME_ASC'))).toEqual(badField('sort'));
});

test('actor: the subject, or null for an anonymous caller', () => {
  expect(actor({ identity: { subject: 'u1' } })).toBe('u1');
  expect(actor({ identity: null })).toBeNull();
  expect(actor({ identity: undefined })).toBeNull();
});
