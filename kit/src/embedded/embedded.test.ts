import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { repoRoot } from '../registry';
import { ensureMongo } from './index';

let dataDir: string;
// Readable by the postgres user the cluster runs as under root, so the cluster stays inside the folder removed below.
beforeAll(() => chmodSync((dataDir = mkdtempSync(path.join(os.tmpdir(), 'cg-embedded-test-'))), 0o755));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function roundTrip(uri: string, write?: string): Promise<string[]> {
  const client = await mongoose.mongo.MongoClient.connect(uri);
  try {
    const notes = client.db('embedded').collection<{ _id: string }>('notes');
    if (write) await notes.insertOne({ _id: write });
    return (await notes.find().sort({ _id: 1 }).toArray()).map((d) => d._id);
  } finally {
    await client.close();
  }
}

test('the default is FerretDB on a private PostgreSQL cluster, and a kept data folder survives a stop', async () => {
  const first = await ensureMongo({ dataDir, ownServer: true, log: () => undefined });
  expect(first.kind).toBe('ferretdb');
  expect(first.processes.postgresql?.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
  expect(await roundTrip(first.uri, 'before-stop')).toEqual(['before-stop']);
  await first.stop();
  const second = await ensureMongo({ dataDir, ownServer: true, log: () => undefined });
  expect(await roundTrip(second.uri)).toEqual(['before-stop']);
  await second.stop();
}, 60_000);

test('a crashed run (both servers killed, postmaster.pid left behind) does not block the next start', async () => {
  const crashed = await ensureMongo({ dataDir, ownServer: true, log: () => undefined });
  await roundTrip(crashed.uri, 'before-crash');
  await crashed.processes.mongo!.kill();
  await crashed.processes.postgresql!.kill();
  const next = await ensureMongo({ dataDir, ownServer: true, log: () => undefined });
  expect(await roundTrip(next.uri)).toEqual(['before-crash', 'before-stop']);
  await next.stop();
}, 60_000);

test('a data folder that another run is using is refused with a clear message, not replaced by another database', async () => {
  const running = await ensureMongo({ dataDir, ownServer: true, log: () => undefined });
  try {
    await expect(ensureMongo({ dataDir, ownServer: true, log: () => undefined })).rejects.toThrow(/already serves .*stop it first/);
  } finally {
    await running.stop();
  }
}, 60_000);

test('refreshStatistics gives the planner statistics for what was just written (ANALYZE on the cluster)', async () => {
  const mongo = await ensureMongo({ dataDir, ownServer: true, log: () => undefined });
  try {
    await roundTrip(mongo.uri, `analyzed-${Date.now()}`);
    const pg = mongo.processes.postgresql!;
    const analyzed = () =>
      spawnSync(
        'psql',
        [
          '-h',
          '127.0.0.1',
          '-p',
          String(pg.port),
          '-U',
          'postgres',
          '-d',
          'postgres',
          '-Atc',
          "SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = 'embedded' AND last_analyze IS NOT NULL",
        ],
        {
          encoding: 'utf8',
        },
      ).stdout.trim();
    expect(analyzed()).toBe('0');
    await mongo.refreshStatistics();
    expect(Number(analyzed())).toBeGreaterThan(0);
  } finally {
    await mongo.stop();
  }
}, 60_000);

test('scripts/ferretdb/pushdown.patch still applies to FerretDB v1.24.2 from the Go module proxy', () => {
  const script = `
    set -e
    module=$(go mod download -json github.com/FerretDB/FerretDB@v1.24.2 | sed -n 's/^\\t"Dir": "\\(.*\\)",$/\\1/p')
    copy=$(mktemp -d) && cp -r "$module/." "$copy" && chmod -R u+w "$copy"
    patch -p1 --dry-run -d "$copy" < scripts/ferretdb/pushdown.patch; status=$?
    rm -rf "$copy"; exit $status`;
  const result = spawnSync('bash', ['-c', script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } });
  expect(result.stderr + result.stdout).not.toMatch(/FAILED|rejects|malformed/);
  expect(result.stdout).toMatch(/checking file internal\/backends\/postgresql\/query\.go/);
  expect(result.status).toBe(0);
}, 120_000);
