/**
 * Resource requests, limits and replica bounds from the measured figures of `npm run bench:capacity`
 * (bench/results/capacity.json), by the load model of docs/capacity.md: a peak of LOAD requests/s at the gateway in
 * the MIX of operations, every replica at TARGET_CPU of its CPU request.
 */
export interface Capacity {
  idleRssMb: Record<string, number>;
  scenarios: Array<{ scenario: string; requests: number; perProcess: Record<string, { cpuMsPerRequest: number; peakRssMb: number }> }>;
}

/** Share of each measured scenario in the peak traffic. */
export const MIX: Record<string, number> = {
  'resident card (one department)': 0.7,
  'case dossier (every department)': 0.2,
  'case transitions (writes)': 0.1,
};
/** Peak requests/s at the gateway: a county (50 staff at once, partner systems) and a prefecture (ten counties). */
export const LOAD = { county: 50, prefecture: 500 } as const;
/** The HorizontalPodAutoscaler's target, leaving room for a replica's share when another one is lost. */
export const TARGET_CPU = 0.7;
export const MIN_REPLICAS = 2;

/**
 * A scenario's figures for `service`; a department added since the last `npm run bench:capacity` is sized as the
 * costliest measured department until it is measured itself.
 */
function measured(capacity: Capacity, scenario: string, service: string) {
  const figures = capacity.scenarios.find((s) => s.scenario === scenario)?.perProcess;
  if (!figures) throw new Error(`bench/results/capacity.json has no "${scenario}" scenario: run npm run bench:capacity`);
  if (figures[service]) return figures[service];
  const departments = Object.entries(figures)
    .filter(([name]) => name !== 'gateway')
    .map(([, f]) => f);
  return { cpuMsPerRequest: Math.max(...departments.map((f) => f.cpuMsPerRequest)), peakRssMb: Math.max(...departments.map((f) => f.peakRssMb)) };
}

/** CPU milliseconds one gateway request of the mix costs `service`. */
export function cpuMsPerRequest(service: string, capacity: Capacity): number {
  return Object.entries(MIX).reduce((ms, [scenario, share]) => ms + share * measured(capacity, scenario, service).cpuMsPerRequest, 0);
}

/** Cores `service` needs at `requestsPerSecond` of the mix. */
export const coresAt = (service: string, capacity: Capacity, requestsPerSecond: number) => (requestsPerSecond * cpuMsPerRequest(service, capacity)) / 1000;

export const peakRssMb = (service: string, capacity: Capacity) =>
  Math.max(capacity.idleRssMb[service] ?? 0, ...Object.keys(MIX).map((s) => measured(capacity, s, service).peakRssMb));

const roundUp = (value: number, step: number) => Math.ceil(value / step) * step;

export function resourcesFor(service: string, capacity: Capacity) {
  // Each of the minimum replicas carries its share of the county's peak at the target utilisation.
  const cpuMillis = Math.max(100, roundUp((coresAt(service, capacity, LOAD.county) / MIN_REPLICAS / TARGET_CPU) * 1000, 50));
  const memoryMb = roundUp(peakRssMb(service, capacity) * 1.25, 32);
  const limitMb = roundUp(memoryMb * 1.5, 32);
  // A prefecture's peak, at the target utilisation of the same requests.
  const maxReplicas = Math.max(MIN_REPLICAS + 1, Math.ceil((coresAt(service, capacity, LOAD.prefecture) * 1000) / (cpuMillis * TARGET_CPU)));
  return {
    container: {
      requests: { cpu: `${cpuMillis}m`, memory: `${memoryMb}Mi` },
      // One core: a Node.js process runs JavaScript on one thread; more would only be idle.
      limits: { cpu: '1', memory: `${limitMb}Mi` },
    },
    heapMb: Math.floor(limitMb * 0.7),
    minReplicas: MIN_REPLICAS,
    maxReplicas,
    targetCpuPercent: Math.round(TARGET_CPU * 100),
  };
}
