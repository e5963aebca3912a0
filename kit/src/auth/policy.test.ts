import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { repoRoot } from '../registry';
import { parseIdentity } from './identity-codec';
import { listSubgraphs } from '../registry';
import { loadTypeDefs } from '../sdl';
import { andFilters, inScope, scopeFilter } from './enforce';
import { decide, maskValue, missingRules, policyFromDocument, readsFromDocument } from './policy';
import { policyTable } from './policy-table';
import { redact } from '../redact';

const sdl = (body: string) =>
  parse(`directive @access(roles: [String!], departments: [String!], data: String, full: [String!], purposes: [String!]) on SCHEMA | OBJECT | FIELD_DEFINITION
directive @reads(field: String!) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE\n${body}`);

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
  expect(decide(undefined, null)).toBe('unauthenticated'); // nothing is open to an anonymous caller
  // A department qualified by its unit is that department; purposes without `full` must be stated.
  expect(decide({ roles: ['PROPERTY_STAFF'], departments: ['property'] }, { role: 'PROPERTY_STAFF', department: 'property:abc' })).toBe('full');
  const write = { roles: ['DEPARTMENT_CLERK'], departments: ['civil-affairs'], purposes: ['ASSISTANCE_REVIEW'] };
  expect(decide(write, clerk)).toBe('denied');
  expect(decide(write, { ...clerk, purpose: 'CASE_HANDLING' })).toBe('denied');
  expect(decide(write, { ...clerk, purpose: 'ASSISTANCE_REVIEW' })).toBe('full');
});

test('every type needs a rule or the department default; every root field its own roles', () => {
  const body = 'type Query { a: A @access(roles: ["AUDITOR"]) b: A @access c: A } type Mutation { m: A } type A { x: String } type B @access { y: String }';
  expect(missingRules(sdl(body))).toEqual(['A', 'Query.b (no roles)', 'Query.c', 'Mutation.m']);
  const policy = policyFromDocument(sdl(`extend schema @access(roles: ["GRID_WORKER"]) ${body}`));
  expect(policy.get('A')).toMatchObject({ rule: { roles: ['GRID_WORKER'] }, defaulted: true });
  expect(policy.get('B')).toMatchObject({ rule: {} }); // its own rule (any signed-in caller), not the default
  expect(policy.get('Query')!.rule).toBeUndefined(); // root fields never fall back to the default
  expect(missingRules(sdl(`extend schema @access(roles: ["GRID_WORKER"]) ${body}`))).toEqual(['Query.b (no roles)', 'Query.c', 'Mutation.m']);
  // Every department of the repository (its kit types included) has a rule everywhere.
  for (const entry of listSubgraphs()) expect({ [entry.name]: missingRules(loadTypeDefs(entry.schemaPath)) }).toEqual({ [entry.name]: [] });
});

test('@reads marks arguments, input fields and enum values that reveal a governed field', () => {
  const reads = readsFromDocument(
    sdl('type Query { q(f: F, s: S, n: String @reads(field: "R.n")): Int } input F { v: String @reads(field: "R.v") w: Int } enum S { A B @reads(field: "R.b") }'),
  );
  expect([...reads]).toEqual([
    ['Query.q(n)', 'R.n'],
    ['F.v', 'R.v'],
    ['S.B', 'R.b'],
  ]);
});

test('row scope: grids and communities for staff, only their own rows for a resident, in memory and as a filter', () => {
  const worker = { subject: 'w', role: 'GRID_WORKER', department: 'civil-affairs', scope: { communityIds: [], gridIds: ['0123456789abcdef01234567'] } };
  const resident = { subject: 'aaaaaaaaaaaaaaaaaaaaaaaa', role: 'RESIDENT', department: 'resident', scope: { communityIds: [], gridIds: [] } };
  const scope = { grid: 'gridId', resident: 'residentId' };
  expect(inScope({ gridId: '0123456789abcdef01234567', residentId: 'x' }, scope, worker)).toBe(true);
  expect(inScope({ gridId: 'ffffffffffffffffffffffff' }, scope, worker)).toBe(false);
  expect(inScope({ gridId: 'ffffffffffffffffffffffff', residentId: resident.subject }, scope, resident)).toBe(true);
  expect(inScope({ gridId: '0123456789abcdef01234567', residentId: 'someone else' }, scope, resident)).toBe(false);
  expect(inScope({ gridId: 'x' }, { grid: 'gridId' }, resident)).toBe(false); // a type without `resident`: no rows
  expect(scopeFilter(worker, scope)).toEqual({ gridId: '0123456789abcdef01234567' });
  expect(scopeFilter(resident, scope)).toEqual({ residentId: resident.subject });
  expect(scopeFilter({ ...worker, scope: { communityIds: [], gridIds: [] } }, scope)).toEqual({});
  expect(andFilters({ gridId: 'a', status: 'X' }, { gridId: 'b' })).toEqual({ $and: [{ gridId: 'a', status: 'X' }, { gridId: 'b' }] });
  expect(andFilters({ status: 'X' }, { gridId: 'b' }, {})).toEqual({ status: 'X', gridId: 'b' });
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
