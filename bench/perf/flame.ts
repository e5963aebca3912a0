import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import flamegraph from 'flamegraph';
import { repoRoot } from '@cg/kit';

/**
 * Flame graphs (SVG) of `node --cpu-prof` profiles, rendered offline by the `flamegraph` package (Brendan Gregg's
 * flamegraph.pl ported to JavaScript). It reads the DevTools `head` tree that .cpuprofile files had before V8 made
 * them a flat node list, so the list is turned back into that tree here, keeping only the samples of the load.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface HeadNode {
  functionName: string;
  url: string;
  lineNumber: number;
  hitCount: number;
  children: HeadNode[];
}

/** A window of the monotonic clock in µs: what V8 stamps profiles with, and `process.hrtime` in any process. */
export interface Window {
  from: number;
  to: number;
}
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

const root = pathToFileURL(repoRoot).href + '/';

/**
 * Renders `profilePath` to `svgPath`, counting only samples inside one of `windows` (all when none), and writes
 * those samples as `<profile>.load.cpuprofile` beside it (for DevTools or a text summary); returns their number.
 */
export function renderFlameGraph(profilePath: string, svgPath: string, title: string, windows: Window[] = []): number {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const hits = new Map<number, number>();
  const kept = { samples: [] as number[], timeDeltas: [] as number[] };
  const first = windows.length ? Math.max(profile.startTime, Math.min(...windows.map((w) => w.from))) : profile.startTime;
  let at = profile.startTime;
  let last = first;
  profile.samples.forEach((node, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (windows.length && !windows.some((w) => at >= w.from && at <= w.to)) return;
    hits.set(node, (hits.get(node) ?? 0) + 1);
    kept.samples.push(node);
    kept.timeDeltas.push(at - last);
    last = at;
  });
  writeFileSync(profilePath.replace(/\.cpuprofile$/, '.load.cpuprofile'), JSON.stringify({ ...profile, ...kept, startTime: first, endTime: last }));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const tree = (node: ProfileNode): HeadNode => ({
    functionName: node.callFrame.functionName || '(anonymous)',
    url: node.callFrame.url.replace(root, ''),
    lineNumber: node.callFrame.lineNumber + 1,
    // Waiting is not work: idle samples would make most of the graph one flat bar.
    hitCount: node.callFrame.functionName === '(idle)' ? 0 : (hits.get(node.id) ?? 0),
    children: (node.children ?? []).map((id) => tree(byId.get(id)!)),
  });
  const svg = flamegraph.fromCpuProfile({ head: tree(profile.nodes[0]!) }, { titletext: title, imagewidth: 1800, countname: 'samples', minwidth: 1 });
  // The template writes `&&` unescaped into its event attributes, which is not XML: escape it, or no viewer opens the file.
  writeFileSync(svgPath, svg.replaceAll(' && ', ' &amp;&amp; '));
  return kept.samples.length;
}
