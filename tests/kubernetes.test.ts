import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { createHttpApp, envName, gatewayPort, listen, listSubgraphs } from '@cg/kit';
import { kubernetesDir, readCapacity, renderKubernetes } from '../scripts/kubernetes';
import { resourcesFor } from '../scripts/kubernetes-resources';

// deploy/kubernetes is a Kustomize base generated from the registry and the measured figures. This renders it the
// way `kubectl kustomize` would for these properties (its resources, and its secret generators from the .example
// key lists) and checks what the deployment promises: no cluster needed.
const kustomization = parse(readFileSync(path.join(kubernetesDir, 'kustomization.yaml'), 'utf8'));
const objects: any[] = kustomization.resources.flatMap((file: string) => parseAllDocuments(readFileSync(path.join(kubernetesDir, file), 'utf8')).map((d) => d.toJSON()));
const generated: Record<string, string[]> = Object.fromEntries(
  kustomization.secretGenerator.map((g: { name: string; envs: string[] }) => [
    g.name,
    g.envs.flatMap((file) =>
      readFileSync(path.join(kubernetesDir, `${file}.example`), 'utf8')
        .split('\n')
        .filter((l) => /^[A-Z]/.test(l))
        .map((l) => l.split('=')[0]!),
    ),
  ]),
);
const of = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const services = [{ name: 'gateway', port: gatewayPort() }, ...listSubgraphs().map((s) => ({ name: s.name, port: s.port }))];
const container = (name: string) => of('Deployment', name).spec.template.spec.containers[0];
const env = (name: string) => Object.fromEntries(container(name).env.map((e: { name: string; value: string }) => [e.name, e.value]));
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

test('the checked-in manifests are what npm run kubernetes generates now (registry and measured figures)', () => {
  const files = renderKubernetes();
  for (const [file, text] of Object.entries(files))
    expect({ file, text: existsSync(path.join(kubernetesDir, file)) ? readFileSync(path.join(kubernetesDir, file), 'utf8') : null }).toEqual({ file, text });
  expect(
    readdirSync(kubernetesDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort(),
  ).toEqual(
    Object.keys(files)
      .filter((f) => f.endsWith('.yaml'))
      .sort(),
  );
});

test.each(services)('$name: a Deployment on its registered port, a Service to it, probes on the health endpoints', ({ name, port }) => {
  const deployment = of('Deployment', name);
  expect(deployment).toBeDefined();
  expect(matches(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
  expect(container(name).ports).toEqual([{ name: 'http', containerPort: port }]);
  expect(env(name)).toMatchObject({ SERVICE: name, PORT: String(port) });
  expect(container(name).readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
  expect(container(name).livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
  const svc = of('Service', name);
  expect(svc.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
  expect(matches(svc.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
});

test('the probe paths are the ones every process serves', async () => {
  const http = await listen(
    createHttpApp(async () => ({})),
    0,
  );
  try {
    const paths = new Set(services.flatMap(({ name }) => [container(name).readinessProbe, container(name).livenessProbe, container(name).startupProbe].map((p) => p.httpGet.path)));
    for (const probe of paths) expect({ probe, status: (await fetch(`http://127.0.0.1:${http.port}${probe}`)).status }).toEqual({ probe, status: 200 });
  } finally {
    await http.close();
  }
});

test.each(services)('$name: requests and limits from the measured figures, a CPU autoscaler, a disruption budget', ({ name }) => {
  const expected = resourcesFor(name, readCapacity());
  expect(container(name).resources).toEqual(expected.container);
  const mb = (v: string) => Number(v.replace(/Mi$/, ''));
  expect(mb(expected.container.requests.memory)).toBeLessThan(mb(expected.container.limits.memory));
  expect(Number(env(name).NODE_OPTIONS.match(/--max-old-space-size=(\d+)/)![1])).toBeLessThan(mb(expected.container.limits.memory));
  const hpa = of('HorizontalPodAutoscaler', name);
  expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
  expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expected.targetCpuPercent } } }]);
  expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
  const pdb = of('PodDisruptionBudget', name);
  expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
  expect(matches(pdb.spec.selector.matchLabels, of('Deployment', name).spec.template.metadata.labels)).toBe(true);
});

test.each(services)('$name: drains within terminationGracePeriodSeconds, as a non-root user', ({ name }) => {
  const pod = of('Deployment', name).spec.template.spec;
  const preStop = Number(container(name).lifecycle.preStop.exec.command.at(-1));
  // kit/src/shutdown.ts: in-flight requests get SHUTDOWN_TIMEOUT_MS, and the whole stop is cut at twice that.
  expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStop + (2 * Number(env(name).SHUTDOWN_TIMEOUT_MS)) / 1000);
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
  expect(container(name).securityContext).toMatchObject({ allowPrivilegeEscalation: false });
  expect(container(name).image).toBe(kustomization.images[0].name);
});

test('secrets come from generated Secrets, never from the manifests: HMAC keys of every department, the identity provider, the stores', () => {
  const keys = (name: string) => container(name).envFrom.flatMap((e: { secretRef: { name: string } }) => generated[e.secretRef.name] ?? [`missing Secret ${e.secretRef.name}`]);
  for (const { name } of services) {
    expect(keys(name)).toEqual(expect.arrayContaining([...listSubgraphs().map((s) => `${envName(s.name)}_HMAC_SECRET`), 'MONGODB_URI', 'REDIS_URL']));
    expect(Object.keys(env(name)).filter((k) => /SECRET|MONGODB_URI|REDIS_URL|AUTH_/.test(k))).toEqual([]);
  }
  expect(keys('gateway')).toEqual(expect.arrayContaining(['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL']));
  expect(env('gateway').RATE_LIMIT_STORE).toBe('redis');
});

test('a NetworkPolicy lets only the gateway (and departments asking a peer) reach the departments', () => {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const podLabels = (name: string) => of('Deployment', name).spec.template.metadata.labels;
  for (const entry of listSubgraphs()) {
    const applying = policies.filter((p) => matches(p.spec.podSelector.matchLabels, podLabels(entry.name)));
    expect(applying).toHaveLength(1);
    const ingress = applying[0].spec.ingress;
    const pods = ingress.flatMap((rule: any) => rule.from.filter((f: any) => f.podSelector).map((f: any) => f.podSelector.matchLabels));
    const allowed = services.filter(({ name }) => pods.some((selector: Record<string, string>) => matches(selector, podLabels(name)))).map((s) => s.name);
    expect(allowed.sort()).toEqual(services.map((s) => s.name).sort());
    // No rule without a source, and no pod selector wider than the gateway's or a department's pods.
    for (const rule of ingress) for (const from of rule.from) expect(from.podSelector ?? from.namespaceSelector).toBeDefined();
    for (const selector of pods) expect(['gateway', 'department']).toContain(selector['app.kubernetes.io/component']);
    expect(ingress.flatMap((rule: any) => rule.ports.map((p: any) => p.port))).toContain(entry.port);
  }
  expect(policies.filter((p) => matches(p.spec.podSelector.matchLabels, podLabels('gateway')))).toEqual([]);
});
