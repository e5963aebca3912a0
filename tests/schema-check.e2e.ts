import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyRepo } from './support/repo-copy';

// `npm run schema:check` in a copy of the repository (no git there: it compares with the checked-in supergraph).
jest.setTimeout(120_000);
const copy = copyRepo('cg-schema-check-');
afterAll(() => copy.remove());

const schemaFile = (name: string) => path.join(copy.dir, 'subgraphs', name, 'schema.graphql');
const original = { civil: readFileSync(schemaFile('civil-affairs'), 'utf8'), employment: readFileSync(schemaFile('employment'), 'utf8') };
const check = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/schema-check.ts', ...args], {
    cwd: copy.dir,
    encoding: 'utf8',
    env: { ...process.env, SCHEMA_CHECK_ALLOW_BREAKING: '' },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
};
afterEach(() => {
  writeFileSync(schemaFile('civil-affairs'), original.civil);
  writeFileSync(schemaFile('employment'), original.employment);
  writeFileSync(path.join(copy.dir, 'schema', 'allowed-breaking-changes.txt'), '');
});

/** Removes `Resident.phone` (with its description and access policy) from civil affairs: a breaking change for clients. */
const removePhone = () => {
  const without = original.civil.replace(/\n\s*"[^"\n]*"\n\s*phone: String(?: @access\([^\n]*\))?\n(?:\s*@access\([^\n]*\)\n)?/, '\n');
  expect(without).not.toBe(original.civil);
  writeFileSync(schemaFile('civil-affairs'), without);
};

test('no change: passes', () => {
  const { code, out } = check();
  expect(out).toContain('0 change(s)');
  expect(out).toContain('checked in; no main branch found');
  expect(code).toBe(0);
});

test('removing a field a client may use is listed as breaking, with its department, and fails', () => {
  removePhone();
  const { code, out } = check();
  expect(out).toContain("BREAKING [civil-affairs] Field 'phone' was removed from object type 'Resident'");
  expect(out).toContain('1 breaking change(s)');
  expect(code).toBe(1);
});

test('a breaking change passes only when allowed: by the allow-list file or the flag', () => {
  removePhone();
  writeFileSync(path.join(copy.dir, 'schema', 'allowed-breaking-changes.txt'), '# phone moves to the contact service; agreed with every client\nResident.phone\n');
  const listed = check();
  expect(listed.out).toContain("BREAKING (allowed) [civil-affairs] Field 'phone' was removed");
  expect(listed.code).toBe(0);

  writeFileSync(path.join(copy.dir, 'schema', 'allowed-breaking-changes.txt'), 'Resident.name\n');
  expect(check().code).toBe(1);
  expect(check('--allow-breaking').code).toBe(0);
});

test('adding a field is listed as non-breaking and passes', () => {
  writeFileSync(schemaFile('employment'), original.employment.replace('  jobsProvided: Int!\n', '  jobsProvided: Int!\n  "Website (网址)."\n  website: String\n'));
  const { code, out } = check();
  expect(out).toContain("NON_BREAKING [employment] Field 'website' was added to object type 'Employer'");
  expect(code).toBe(0);
});

test('a schema that does not compose fails with composition errors', () => {
  writeFileSync(
    schemaFile('employment'),
    original.employment.replace('type Employer @key(fields: "id") {\n  id: ID!\n  name: String!', 'type Employer @key(fields: "id") {\n  id: ID!\n  name: Int!'),
  );
  writeFileSync(schemaFile('civil-affairs'), `${original.civil}\ntype Employer @key(fields: "id", resolvable: false) { id: ID! name: String! @shareable }\n`);
  const { code, out } = check();
  expect(out).toContain('Composition failed');
  expect(code).toBe(1);
});
