import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { gatewayPort, listSubgraphs, repoRoot, subgraphUrl } from '@cg/kit';

// docker-compose cannot run on these machines, so its agreement with the registry is checked here.
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true });
const subgraphs = listSubgraphs();

test('every registered department is a service on its registered port, and nothing else is', () => {
  const services = Object.keys(compose.services).filter((name) => !['mongo', 'gateway'].includes(name)).sort();
  expect(services).toEqual(subgraphs.map((s) => s.name).sort());
  for (const entry of subgraphs) {
    const env = compose.services[entry.name].environment;
    expect({ service: entry.name, SERVICE: env.SERVICE, PORT: Number(env.PORT) }).toEqual({ service: entry.name, SERVICE: entry.name, PORT: entry.port });
    expect(env.MONGODB_URI).toMatch(/^mongodb:\/\/mongo:27017/);
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

test('only the gateway publishes a port; the database is MongoDB 7', () => {
  const publishing = Object.entries(compose.services).filter(([, s]: [string, any]) => s.ports?.length).map(([name]) => name);
  expect(publishing).toEqual(['gateway']);
  expect(compose.services.mongo.image).toBe('mongo:7');
});
