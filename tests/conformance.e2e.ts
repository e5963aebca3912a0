import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repositoryServices, formatResult, runConformance, type CheckResult } from '@cg/kit/conformance';
import { PROTOCOL_CHECKS } from './support/conformance';
import { startPatrol, type Flaw } from './support/patrol/server';
import { useStack } from '@cg/kit/testing';

// The conformance kit against the four departments, a well-behaved outside department, and deliberately broken ones.
const failures = (results: CheckResult[]) => results.filter((r) => r.outcome === 'fail').map(formatResult);
const names = (results: CheckResult[], outcome: CheckResult['outcome']) => results.filter((r) => r.outcome === outcome).map((r) => r.name);

async function checkPatrol(flaw: Flaw) {
  const patrol = await startPatrol({ flaw });
  try {
    return await runConformance({ url: patrol.url, name: 'patrol', current: repositoryServices() });
  } finally {
    await patrol.stop();
  }
}

describe('an outside department (tests/support/patrol)', () => {
  test('passes when it follows the protocol', async () => {
    const results = await checkPatrol('none');
    expect(failures(results)).toEqual([]);
    expect(names(results, 'pass')).toEqual(
      expect.arrayContaining([
        ...PROTOCOL_CHECKS,
        '_entities for Patrol',
        '_entities for Building',
        'anonymous callers get UNAUTHENTICATED',
        'roles outside @access get FORBIDDEN',
        'masking and refusals on Patrol (patroller, patrollerPhone)',
        'every error has extensions.code',
        'no ID numbers or phone numbers in errors',
      ]),
    );
  });

  test('fails, saying what to fix, when it skips signature verification', async () => {
    const results = await checkPatrol('skips-signing');
    expect(names(results, 'fail')).toEqual([
      'unsigned request refused',
      'altered body refused',
      'request signed for another department refused',
      'expired request refused',
      'replayed request refused',
    ]);
    expect(failures(results).join('\n')).toMatch(/fix: refuse a request without x-cg-timestamp/);
  });

  test('fails when _entities answers out of order and drops misses', async () => {
    const results = await checkPatrol('entities-out-of-order');
    expect(names(results, 'fail')).toEqual(expect.arrayContaining(['_entities for Patrol']));
    expect(failures(results).join('\n')).toMatch(/asked \[a00000000000000000000003, ffffffffffffffffffffffff, a00000000000000000000002, a00000000000000000000001\]/);
  });

  test('npm run check-department exits non-zero on a failure', async () => {
    const patrol = await startPatrol({ flaw: 'skips-signing' });
    try {
      const run = promisify(execFile)('npx', ['tsx', 'scripts/check-department.ts', patrol.url, '--name', 'patrol'], { cwd: `${__dirname}/..` });
      await expect(run).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/FAIL {2}unsigned request refused[^\n]*\n {6}fix: /) });
    } finally {
      await patrol.stop();
    }
  }, 60_000);
});

describe('the four departments', () => {
  const { stack } = useStack();

  test.each(['civil-affairs', 'party', 'employment', 'property'])(
    '%s passes every check',
    async (name) => {
      const results = await runConformance({ url: stack.departments[name]!.url, name, current: repositoryServices() });
      expect(failures(results)).toEqual([]);
      expect(names(results, 'pass').length).toBeGreaterThan(15);
    },
    120_000,
  );
});
