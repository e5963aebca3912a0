import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { connectDatabase, departmentDbName, freePort, repoRoot } from '@cg/kit';

/** Law enforcement (城管执法), the Java department of examples/law-enforcement: built with Maven, run as a jar. */
export const NAME = 'law-enforcement';
export const dir = path.join(repoRoot, 'examples', NAME);
const jar = path.join(dir, 'target', `${NAME}.jar`);

/** Its tests run where java and mvn are installed, and say plainly that they were skipped elsewhere. */
export function describeIfJava(file: string): jest.Describe {
  const hasJava = ['java', 'mvn'].every((tool) => spawnSync(tool, ['-version'], { stdio: 'ignore' }).status === 0);
  if (!hasJava) console.warn(`${file} skipped: java and mvn are needed to build and run examples/${NAME} (see its README)`);
  return hasJava ? describe : describe.skip;
}

export interface JavaDepartment {
  url: string;
  /** SIGKILL, as a crash would, once it has exited. */
  kill(): Promise<void>;
  /** Stops the JVM and drops the department's database. */
  stop(): Promise<void>;
}

/** Builds the jar when it is missing (CI builds it in its own step first), then starts it and waits until it is ready. */
export async function startJava(): Promise<JavaDepartment> {
  if (!existsSync(jar)) {
    const built = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: dir, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`mvn package failed:\n${built.stdout}${built.stderr}`);
  }
  const port = await freePort();
  const java = spawn('java', ['-Xmx256m', '-XX:TieredStopAtLevel=1', '-jar', jar], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LAW_ENFORCEMENT_DB: departmentDbName(NAME) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  java.stdout.on('data', (b: Buffer) => (output += b.toString()));
  java.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const kill = async () => {
    const exited = new Promise((resolve) => java.once('exit', resolve));
    java.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    java.kill('SIGTERM');
    const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName(NAME) });
    await connection.dropDatabase();
    await connection.close();
  };
  const base = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 180_000; await new Promise((r) => setTimeout(r, 500))) {
    if (java.exitCode !== null) throw new Error(`the Java department exited:\n${output}`);
    const ready = await fetch(`${base}/health/ready`).catch(() => null);
    if (ready?.ok) return { url: `${base}/graphql`, kill, stop };
  }
  java.kill('SIGTERM');
  throw new Error(`the Java department was not ready within 180 s:\n${output}`);
}
