import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { repoRoot } from '../registry';
import { parseIdentity } from './identity-codec';
import { decide, maskValue, policyFromDocument } from './policy';
import { policyTable } from './policy-table';
import { redact } from '../redact';

const sdl = (body: string) => parse(`directive @access(roles: [String!], departments: [String!], data: String, full: [String!], purposes: [String!]) on OBJECT | FIELD_DEFINITION\n${body}`);

test('docs/policy.md is what the SDL gives (npm run policy-table)', () => {
  expect(readFileSync(path.join(repoRoot, 'docs', 'policy.md'), 'utf8')).toBe(policyTable());
});

test('decide: roles, departments, full entitlement with purpose, mask or deny by category', () => {
  const rule = { roles: ['GRID_WORKER', 'DEPARTMENT_CLERK'], departments: ['civil-affairs'], data: 'ID_NUMBER', full: ['DEPARTMENT_CLERK'], purposes: ['ASSISTANCE_REVIEW'] };
  const clerk = { role: 'DEPARTMENT_CLERK', department: 'civil-affairs' };
  expect(decide(rule, null)).toBe('unauthenticated');
  expect(decide(rule, { role: 'AUDITOR', department: 'civil-affairs' })).toBe('denied');
  expect(decide(rule, { ...clerk, department: 'party' })).toBe('denied');
  expect(decide(rule, clerk)).toBe('masked');
  expect(decide(rule, { ...clerk, purpose: 'CASE_HANDLING' })).toBe('masked');
  expect(decide(rule, { ...clerk, purpose: 'ASSISTANCE_REVIEW' })).toBe('full');
  expect(decide({ ...rule, data: 'HEALTH' }, clerk)).toBe('denied'); // no mask for health data: all or nothing
  expect(decide(undefined, null)).toBe('full');
});

test('masks: ID number, phone, name, birth date, lists and null', () => {
  expect(maskValue('ID_NUMBER', '11010519900101002X')).toBe('110105********002X');
  expect(maskValue('PHONE', '13812341234')).toBe('138****1234');
  expect(maskValue('NAME', '张三丰')).toBe('张**');
  expect(maskValue('BIRTH_DATE', '1990-01-01')).toBe('1990-**-**');
  expect(maskValue('NAME', ['张三', '李四'])).toEqual(['张*', '李*']);
  expect(maskValue('PHONE', null)).toBeNull();
});

test('a typo in the SDL policy stops the department at start, naming the place', () => {
  expect(() => policyFromDocument(sdl('type R { a: String @access(roles: ["GRID_WORKR"]) }'))).toThrow(/R\.a: unknown role GRID_WORKR/);
  expect(() => policyFromDocument(sdl('type R { a: String @access(data: "HEALTHY") }'))).toThrow(/unknown data category HEALTHY/);
  expect(() => policyFromDocument(sdl('type R { a: String @access(full: ["AUDITOR"], purposes: ["FUN"]) }'))).toThrow(/unknown purpose FUN/);
});

test('identities are checked field by field: nothing but ids in scope, upper-case roles', () => {
  const ok = { subject: 'u1', role: 'GRID_WORKER', department: 'civil-affairs', scope: { gridIds: ['0123456789abcdef01234567'] }, purpose: 'CASE_HANDLING' };
  expect(parseIdentity(ok)).toEqual({ ...ok, scope: { communityIds: [], gridIds: ok.scope.gridIds } });
  for (const bad of [{ ...ok, role: 'admin' }, { ...ok, scope: { gridIds: [{ $ne: null }] } }, { ...ok, subject: { $gt: '' } }, { ...ok, purpose: 'x y' }, null, []]) {
    expect(() => parseIdentity(bad)).toThrow(/identity/);
  }
});

test('redact masks ID numbers and phones anywhere in a text and leaves other numbers alone', () => {
  expect(redact('E11000 dup key: { idNumber: "13072219900101002X" } phone 13812341234, order 123456')).toBe(
    'E11000 dup key: { idNumber: "130722********002X" } phone 138****1234, order 123456',
  );
});
