import { idCheckCharacter, makeIdNumber, parseIdNumber } from './idcard';
import { maskIdNumber, maskName, maskPhone } from './mask';

test('check character follows GB 11643 (the standard example 11010519491231002X)', () => {
  expect(idCheckCharacter('11010519491231002')).toBe('X');
  expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
});

test('parseIdNumber normalises a lowercase x and derives birth date and sex', () => {
  expect(parseIdNumber('11010519491231002x')).toEqual({ idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'FEMALE' });
  expect(parseIdNumber(makeIdNumber('130722', '1990-02-28', 13))?.sex).toBe('MALE');
});

test.each([
  ['wrong check character', '110105194912310021'],
  ['too short', '1101051949123100'],
  ['impossible date', makeIdNumber('130722', '1990-02-30', 1)],
  ['future birth date', makeIdNumber('130722', '2999-01-01', 1)],
  ['letters', '11010519491231ABCX'],
])('parseIdNumber rejects %s', (_, raw) => {
  expect(parseIdNumber(raw, new Date('2026-11-23'))).toBeNull();
});

test('masks keep only what identifies nobody', () => {
  expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  expect(maskPhone('13812341234')).toBe('138****1234');
  expect(maskName('张三')).toBe('张*');
  expect(maskName('欧阳小明')).toBe('欧***');
});
