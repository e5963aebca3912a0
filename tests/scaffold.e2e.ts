import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { copyRepo } from './support/repo-copy';

// `npm run new-subgraph` in a copy of the repository: the new department composes, type-checks, starts and answers
// through the gateway, including its extension of civil affairs' Resident, and its own scaffolded tests pass.
jest.setTimeout(300_000);

function sh(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output, ms: Date.now() - started }));
  });
}

test('a scaffolded department composes, type-checks, starts and answers through the gateway', async () => {
  const copy = copyRepo('cg-scaffold-');
  try {
    const node = process.execPath;
    const scaffold = await sh(copy.dir, node, [
      '--import',
      'tsx',
      'scripts/new-subgraph.ts',
      'law-enforcement',
      '--entity',
      'EnforcementAction',
      '--title',
      'Law enforcement (综合执法)',
    ]);
    expect({ code: scaffold.code, output: scaffold.code ? scaffold.output : '' }).toEqual({ code: 0, output: '' });

    const dept = path.join(copy.dir, 'subgraphs', 'law-enforcement');
    for (const file of [
      'schema.graphql',
      'package.json',
      'src/server.ts',
      'src/index.ts',
      'src/loaders.ts',
      'src/models/EnforcementAction.ts',
      'src/resolvers/Resident.ts',
      'src/seed.ts',
      'src/generated/resolvers-types.ts',
      'test/law-enforcement.e2e.ts',
    ]) {
      expect(existsSync(path.join(dept, file))).toBe(true);
    }
    const port = JSON.parse(readFileSync(path.join(dept, 'package.json'), 'utf8')).subgraph.port;
    const compose = parse(readFileSync(path.join(copy.dir, 'docker-compose.yml'), 'utf8'), { merge: true });
    expect(compose.services['law-enforcement'].environment).toMatchObject({ SERVICE: 'law-enforcement', PORT: String(port) });
    expect(compose.services.gateway.depends_on['law-enforcement']).toEqual({ condition: 'service_healthy' });
    const supergraph = readFileSync(path.join(copy.dir, 'schema', 'supergraph.graphql'), 'utf8');
    expect(supergraph).toMatch(/LAW_ENFORCEMENT @join__graph\(name: "law-enforcement"/);
    expect(supergraph).toMatch(/enforcementActions: \[EnforcementAction!\]! @join__field\(graph: LAW_ENFORCEMENT\)/);

    // The copy's own checks agree: composition fresh, generated types fresh, the deployment test sees the service.
    const checks = await sh(copy.dir, node, ['--import', 'tsx', 'scripts/compose.ts', '--check']);
    expect(checks.output).toContain('up to date');
    const typecheck = await sh(copy.dir, node, [path.join(copy.dir, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.']);
    expect(typecheck.output).toBe('');

    // The scaffolded department's own tests (every department and the gateway, seeded, on free ports: it creates a
    // record through the gateway and reads it back on civil affairs' Resident), and the deployment checks that must
    // now include it, each ran and passed.
    const jest = path.join(copy.dir, 'node_modules', 'jest', 'bin', 'jest.js');
    const results = path.join(copy.dir, 'jest-results.json');
    const run = await sh(copy.dir, node, [
      jest,
      '--ci',
      '--runInBand',
      '--json',
      `--outputFile=${results}`,
      'subgraphs/law-enforcement',
      'tests/deployment.test.ts',
      'tests/kubernetes.test.ts',
    ]);
    const report = JSON.parse(readFileSync(results, 'utf8')) as { testResults: Array<{ name: string; assertionResults: Array<{ status: string }> }> };
    const statuses = Object.fromEntries(
      report.testResults.map((r) => [
        path.relative(copy.dir, r.name).split(path.sep)[0] === 'subgraphs' ? 'department' : path.basename(r.name),
        [...new Set(r.assertionResults.map((a) => a.status))],
      ]),
    );
    expect(statuses).toEqual({ department: ['passed'], 'deployment.test.ts': ['passed'], 'kubernetes.test.ts': ['passed'] });
    expect(readFileSync(path.join(copy.dir, 'deploy', 'kubernetes', 'law-enforcement.yaml'), 'utf8')).toContain(`containerPort: ${port}`);
    expect(run.code).toBe(0);

    const toQuery = scaffold.ms + run.ms;
    console.log(
      `scaffold-to-query: scaffold ${(scaffold.ms / 1000).toFixed(1)} s (files, compose service, codegen, composition) + ` +
        `start and answer through the gateway ${(run.ms / 1000).toFixed(1)} s (jest, seeding every department) = ${(toQuery / 1000).toFixed(1)} s; ` +
        `type-check of the whole repo ${(typecheck.ms / 1000).toFixed(1)} s`,
    );
  } finally {
    copy.remove();
  }
});
