import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { gatewayPort, listSubgraphs, repoRoot, subgraphUrl } from '@cg/kit';

// docker-compose cannot run on these machines, so its agreement with the registry is checked here.
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true });
const subgraphs = listSubgraphs();
const MEMBERS = ['mongo1', 'mongo2', 'mongo3'];
const INFRASTRUCTURE = [...MEMBERS, 'mongo-init', 'redis', 'gateway'];

test('every registered department is a service on its registered port, and nothing else is', () => {
  const services = Object.keys(compose.services)
    .filter((name) => !INFRASTRUCTURE.includes(name))
    .sort();
  expect(services).toEqual(subgraphs.map((s) => s.name).sort());
  for (const entry of subgraphs) {
    const env = compose.services[entry.name].environment;
    expect({ service: entry.name, SERVICE: env.SERVICE, PORT: Number(env.PORT) }).toEqual({ service: entry.name, SERVICE: entry.name, PORT: entry.port });
    expect(env.MONGODB_URI).toBe(compose['x-mongodb-uri']);
    expect(compose.services[entry.name].depends_on).toEqual({ 'mongo-init': { condition: 'service_completed_successfully' } });
    expect(compose.services[entry.name].healthcheck).toBeDefined();
  }
});

test('the gateway reaches each department by its service name and waits for it to be healthy', () => {
  const gateway = compose.services.gateway;
  const env = { SUBGRAPH_URL_TEMPLATE: gateway.environment.SUBGRAPH_URL_TEMPLATE };
  for (const entry of subgraphs) {
    expect(subgraphUrl(entry, env)).toBe(`http://${entry.name}:${entry.port}/graphql`);
    expect(gateway.depends_on[entry.name]).toEqual({ condition: 'service_healthy' });
  }
  expect(Number(gateway.environment.PORT)).toBe(gatewayPort());
});

test('only the gateway publishes a port', () => {
  const publishing = Object.entries(compose.services)
    .filter(([, s]: [string, any]) => s.ports?.length)
    .map(([name]) => name);
  expect(publishing).toEqual(['gateway']);
});

test('MongoDB 7 is a three-member replica set, initiated once by a one-shot service; writes wait for a majority and are retried', () => {
  for (const member of MEMBERS) {
    expect(compose.services[member]).toMatchObject({ image: 'mongo:7', command: ['mongod', '--replSet', 'rs0', '--bind_ip_all'] });
    expect(compose.services[member].volumes).toEqual([`${member}-data:/data/db`]);
  }
  const init = compose.services['mongo-init'];
  expect(init.restart).toBe('no');
  expect(init.depends_on).toEqual(Object.fromEntries(MEMBERS.map((m) => [m, { condition: 'service_healthy' }])));
  const script = init.command.at(-1) as string;
  expect(script).toContain("rs.initiate({ _id: 'rs0'");
  for (const member of MEMBERS) expect(script).toContain(`host: '${member}:27017'`);
  const [, hosts, query] = /^mongodb:\/\/([^/]+)\/\?(.+)$/.exec(compose['x-mongodb-uri'])!; // URL() refuses several hosts
  expect(hosts).toBe('mongo1:27017,mongo2:27017,mongo3:27017');
  expect(Object.fromEntries(new URLSearchParams(query))).toMatchObject({ replicaSet: 'rs0', w: 'majority', retryWrites: 'true', journal: 'true' });
});

test('gateway replicas count rate limits once, in Redis', () => {
  const gateway = compose.services.gateway;
  expect(gateway.environment).toMatchObject({ RATE_LIMIT_STORE: 'redis', REDIS_URL: 'redis://redis:6379' });
  expect(gateway.depends_on.redis).toEqual({ condition: 'service_healthy' });
  expect(compose.services.redis.image).toMatch(/^redis:7/);
});
