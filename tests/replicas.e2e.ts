import { execFile } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@cg/kit';

// The replica fault run (bench/fault-replicas.ts) as part of the suite: two gateways and two processes of every
// department behind HAProxy on loopback, on a database, Redis and data of its own. It prints its figures and a
// PASS/FAIL line per check, and exits 1 when one failed.
test('replicas behind a load balancer: no replay accepted, one rate limit, no request or acknowledged write lost when replicas are killed', async () => {
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'bench', 'fault-replicas.ts')],
      { cwd: repoRoot, env: { ...process.env, MONGODB_URI: '' }, timeout: 420_000 },
      (error, out, err) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: out, stderr: err }),
    ),
  );
  const checks = stdout
    .split('\n')
    .filter((line) => /^\s+(PASS|FAIL) /.test(line))
    .map((line) => line.trim());
  expect({ code, checks, stderr: code === 0 ? '' : stderr.slice(-2000) }).toEqual({
    code: 0,
    checks: [
      'PASS 0 replays accepted',
      'PASS the rate limit held across both gateways',
      'PASS no request failed without being told to retry',
      'PASS 0 acknowledged writes lost, none stored twice',
    ],
    stderr: '',
  });
}, 480_000);
