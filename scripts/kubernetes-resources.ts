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

/** CPU milliseconds one gateway request of the mix costs `service`. */
export function cpuMsPerRequest(service: string, capacity: Capacity): number {
  let ms = 0;
  for (const [scenario, share] of Object.entries(MIX)) {
    const measured = capacity.scenarios.find((s) => s.scenario === scenario)?.perProcess[service];
    if (!measured) throw new Error(`bench/results/capacity.json has no "${scenario}" figure for ${service}: run npm run bench:capacity`);
    ms += share * measured.cpuMsPerRequest;
  }
  return ms;
}

/** Cores `service` needs at `requestsPerSecond` of the mix. */
export const coresAt = (service: string, capacity: Capacity, requestsPerSecond: number) => (requestsPerSecond * cpuMsPerRequest(service, capacity)) / 1000;

export const peakRssMb = (service: string, capacity: Capacity) => Math.max(capacity.idleRssMb[service] ?? 0, ...capacity.scenarios.map((s) => s.perProcess[service]?.peakRssMb ?? 0));

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
