/** The part of the `flamegraph` package (no types of its own) that bench/perf/flame.ts uses. */
declare module 'flamegraph' {
  const flamegraph: { fromCpuProfile(profile: { head: unknown }, options: Record<string, unknown>): string };
  export default flamegraph;
}
