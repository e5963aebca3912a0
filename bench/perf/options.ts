import path from 'node:path';

/**
 * Options of `npm run bench:perf`. `--quick` is the regression guard to run before landing a change on a hot path:
 * the county scale, 3 s per target, scenarios 1 and 2 (every baseline: Hive Gateway, the department directly, the
 * monolith) and their ratios, in about a minute.
 */
export interface PerfOptions {
  seconds: number;
  connections: number;
  workers: string;
  only: string[];
  /** The seeded scale scenarios 1–4 run on; `by id` compares it with the county scale. */
  scale: string;
  quick: boolean;
  /** Profile our gateway and the departments with `node --cpu-prof`; flame graphs to bench/results/. */
  profile: boolean;
  /** Length of the memory run (dossier load on one gateway process, heap after GC at its start and end). */
  memorySeconds: number;
  /**
   * Another checkout (e.g. a worktree of main, with its node_modules) whose gateway is measured beside ours, in the
   * same run and conditions, as "other gateway"; `compareEnv` is added to its environment (GATEWAY_MERGE_FETCHES=off).
   */
  compare?: string;
  compareEnv: Record<string, string>;
}

const SCENARIOS = ['one', 'dossier', 'list', 'mutations', 'byid', 'memory'];

export function perfOptions(argv = process.argv): PerfOptions {
  const has = (name: string) => argv.includes(`--${name}`);
  const arg = (name: string, fallback: string) => {
    const at = argv.indexOf(`--${name}`);
    return at > 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
  };
  const quick = has('quick');
  const profile = has('profile');
  const only = arg('only', quick ? 'one,dossier' : SCENARIOS.join(',')).split(',');
  const unknown = only.filter((o) => !SCENARIOS.includes(o));
  if (unknown.length) throw new Error(`--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
  return {
    seconds: Number(arg('duration', quick ? '3' : '10')),
    connections: Number(arg('connections', '2')),
    // A profile is of one process: the whole gateway's work in one file.
    workers: profile ? '1' : arg('workers', 'auto'),
    only,
    scale: arg('scale', quick ? 'county' : 'bench'),
    quick,
    profile,
    memorySeconds: Number(arg('memory-seconds', '60')),
    compare: has('compare') || has('compare-env') ? path.resolve(arg('compare', '.')) : undefined,
    compareEnv: Object.fromEntries(
      arg('compare-env', '')
        .split(',')
        .filter(Boolean)
        .map((kv) => kv.split('=') as [string, string]),
    ),
  };
}
