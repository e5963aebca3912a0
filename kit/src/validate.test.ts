import { makeIdNumber } from './idcard';
import { requireDate, requireDateTime, requireIdNumber, requireNonBlank, requireOrder, requirePhone, requireRange } from './validate';

const badField = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });

test('身份证号: a valid number is normalised (lowercase x) and yields birth date and sex', () => {
  // A sequence whose check character is X exercises the lowercase path.
  const id = Array.from({ length: 500 }, (_, s) => makeIdNumber('110105', '1990-01-01', s)).find((n) => n.endsWith('X'))!;
  expect(requireIdNumber(id.toLowerCase())).toMatchObject({ idNumber: id, birthDate: '1990-01-01' });
  expect(requireIdNumber(makeIdNumber('110105', '1990-01-01', 21)).sex).toBe('MALE');
});

test('身份证号: wrong check digit, impossible or future birth date, wrong length are refused', () => {
  const good = makeIdNumber('130722', '1985-06-15', 21);
  const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  expect(() => requireIdNumber(wrongCheck)).toThrow(badField('idNumber'));
  expect(() => requireIdNumber(makeIdNumber('130722', '1985-02-30', 21))).toThrow(badField('idNumber'));
  expect(() => requireIdNumber(makeIdNumber('130722', '2099-01-01', 21))).toThrow(badField('idNumber'));
  expect(() => requireIdNumber(good.slice(0, 17), 'ownerIdNumber')).toThrow(badField('ownerIdNumber'));
});

test('mainland mobile numbers: separators and +86 removed; landlines and short numbers refused', () => {
  expect(requirePhone('+86 138-1234-5678')).toBe('13812345678');
  for (const bad of ['12812345678', '1381234567', '010-12345678', '1381234567a']) expect(() => requirePhone(bad)).toThrow(badField('phone'));
});

test('dates, date-times, order, blanks and ranges', () => {
  expect(requireDate('2024-02-29', 'on')).toBe('2024-02-29');
  expect(() => requireDate('2023-02-29', 'on')).toThrow(badField('on'));
  expect(() => requireDate('2023-2-1', 'on')).toThrow(badField('on'));
  expect(requireDateTime('2026-11-23T08:30:00+08:00', 'at').toISOString()).toBe('2026-11-23T00:30:00.000Z');
  expect(() => requireDateTime('2026-11-23T08:30:00', 'at')).toThrow(badField('at'));
  expect(() => requireOrder('2026-02-01', '2026-01-31', ['startsOn', 'endsOn'])).toThrow(badField('endsOn'));
  expect(() => requireOrder('2026-01-31', '2026-01-31', ['startsOn', 'endsOn'])).not.toThrow();
  expect(requireNonBlank('  漏水  ', 'description')).toBe('漏水');
  expect(() => requireNonBlank('   ', 'description')).toThrow(badField('description'));
  expect(() => requireRange(6, 'rating', 1, 5)).toThrow(badField('rating'));
  expect(requireRange(5, 'rating', 1, 5)).toBe(5);
});
