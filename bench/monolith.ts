/**
 * The monolith baseline of bench/perf.ts: the same database reads as a federated answer, done in one process without
 * federation. For each scenario it first records, in-process, every read the departments send while our gateway
 * answers the operation once (command, database, start and end); an answer then replays those reads on one
 * MongoClient, each as soon as every read that had finished before it started has finished again (so the chain of
 * dependent reads is kept and everything else runs in parallel), and returns what it read as JSON. No GraphQL
 * execution, no HTTP between departments: the lower bound a federated answer is measured against.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import mongoose from 'mongoose';
import { departmentDbName, listSubgraphs, startDepartment, type RunningDepartment } from '@cg/kit';
import { loadDepartment } from '@cg/kit/testing';
import { startGateway } from '../gateway/src/server';

interface Recorded {
  db: string;
  name: string;
  command: Record<string, unknown>;
  start: number;
  end: number;
}

/** The fields of a find or aggregate command the replay passes on to the driver. */
interface ReadCommand {
  find: string;
  aggregate: string;
  filter?: mongoose.mongo.Filter<mongoose.mongo.Document>;
  sort?: mongoose.mongo.Sort;
  limit?: number;
  skip?: number;
  projection?: mongoose.mongo.Document;
  pipeline: mongoose.mongo.Document[];
}

const READS = new Set(['find', 'aggregate', 'count', 'distinct']);
const plans = new Map<string, Array<Recorded & { after: number[] }>>();

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk)).on('end', () => resolve(body));
  });

/** The command as a client would send it: without the session and cluster fields the driver adds. */
const plain = (command: Record<string, unknown>) => Object.fromEntries(Object.entries(command).filter(([k]) => !k.startsWith('$') && k !== 'lsid' && k !== 'txnNumber'));

async function replay(client: mongoose.mongo.MongoClient, plan: Array<Recorded & { after: number[] }>) {
  const done: Array<Promise<unknown>> = [];
  for (const read of plan) {
    done.push(
      Promise.all(read.after.map((i) => done[i])).then(async () => {
        const db = client.db(read.db);
        const c = plain(read.command) as unknown as ReadCommand;
        if (read.name === 'find') {
          return db
            .collection(c.find)
            .find(c.filter ?? {}, { sort: c.sort, limit: c.limit, skip: c.skip, projection: c.projection })
            .toArray();
        }
        if (read.name === 'aggregate') return db.collection(c.aggregate).aggregate(c.pipeline).toArray();
        return db.command(plain(read.command));
      }),
    );
  }
  return Promise.all(done);
}

async function main() {
  const uri = process.env.MONGODB_URI!;
  const departments: RunningDepartment<unknown>[] = [];
  const urls: Record<string, string> = {};
  const recording: Recorded[] = [];
  let recordingOn = false;
  for (const entry of listSubgraphs()) {
    const department = await startDepartment(await loadDepartment(entry.dir), { mongoUri: uri, dbName: departmentDbName(entry.name) });
    const client = department.connection.getClient();
    const open = new Map<number, Recorded>();
    client.on('commandStarted', (event) => {
      if (!recordingOn || !READS.has(event.commandName)) return;
      const read = { db: event.databaseName, name: event.commandName, command: event.command, start: performance.now(), end: Infinity };
      open.set(event.requestId, read);
      recording.push(read);
    });
    client.on('commandSucceeded', (event) => {
      const read = open.get(event.requestId);
      if (read) {
        read.end = performance.now();
        open.delete(event.requestId);
      }
    });
    departments.push(department);
    urls[entry.name] = department.url;
    process.env[`${entry.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`] = department.url;
  }
  const gateway = await startGateway({ urls, limits: { ratePoints: 1_000_000 } });
  const client = await new mongoose.mongo.MongoClient(uri, { maxPoolSize: 100 }).connect();

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/health/live') return void res.end('{"status":"ok"}');
    const [, action, name] = url.pathname.split('/');
    const body = await readBody(req);
    if (action === 'record' && name) {
      const { query, variables, headers } = JSON.parse(body);
      recording.splice(0);
      recordingOn = true;
      const answer = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      const text = await answer.text();
      recordingOn = false;
      const plan = recording.map((read) => ({ ...read, after: recording.flatMap((other, i) => (other.end <= read.start ? [i] : [])) }));
      plans.set(name, plan);
      return void res.end(JSON.stringify({ reads: plan.length, answer: JSON.parse(text) }));
    }
    const plan = action === 'replay' && name ? plans.get(name) : undefined;
    if (!plan) return void ((res.statusCode = 404), res.end('{"errors":[{"message":"record the scenario first"}]}'));
    try {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: await replay(client, plan) }));
    } catch (error) {
      res.statusCode = 500;
      res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  }
  // A request that fails before its own try (reading the body, recording) still gets an answer.
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  const stop = async () => {
    server.close();
    await gateway.stop();
    for (const d of departments) await d.stop();
    await client.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
