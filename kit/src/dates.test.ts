import { addDays, ageOn, chinaDayStart, chinaNextDayStart, daysBetween, maxDate, requirePastDate, todayInChina, yearsBefore } from './dates';

const badField = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });

test('todayInChina: the UTC+8 calendar day, which starts at 16:00 UTC the day before', () => {
  expect(todayInChina(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  expect(todayInChina(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  expect(todayInChina(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
});

test('chinaDayStart / chinaNextDayStart: one China calendar day as a UTC range', () => {
  expect(chinaDayStart('2026-12-01')).toBe('2026-11-30T16:00:00.000Z');
  expect(chinaNextDayStart('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
});

test('ageOn compares full dates: the birthday itself counts, the day before does not', () => {
  expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
  expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  expect(ageOn('1990-12-31', '2026-01-01')).toBe(35);
  expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
});

test('addDays, daysBetween and yearsBefore do calendar arithmetic across months, years and leap days', () => {
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  expect(yearsBefore('2026-11-30', 18)).toBe('2008-11-30');
});

test('maxDate: the latest given date, null when none is given', () => {
  expect(maxDate('2026-01-02', null, '2025-12-31', undefined)).toBe('2026-01-02');
  expect(maxDate(null, undefined)).toBeNull();
  expect(maxDate()).toBeNull();
});

test('requirePastDate: today passes, tomorrow and a non-date name the field', () => {
  expect(requirePastDate('2026-12-01', 'on', '2026-12-01')).toBe('2026-12-01');
  expect(() => requirePastDate('2026-12-02', 'on', '2026-12-01')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'on' }) }));
  let error: unknown;
  try {
    requirePastDate('2026-02-30', 'on', '2026-12-01');
  } catch (e) {
    error = e;
  }
  expect(error).toEqual(badField('on'));
});
