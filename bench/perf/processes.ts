import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { freePort, repoRoot } from '@cg/kit';
import { sleep } from '../support';

/** Processes of a benchmark run (gateways, the monolith) and what they cost: CPU and peak memory from /proc. */

export interface Spawned {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point of `root` (this checkout, or another) as its own process on a free port; waits for GET /health/live. */
export async function spawnEntry(entry: string, env: Record<string, string>, what = entry, root = repoRoot): Promise<Spawned> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if ((await fetch(url.replace(/graphql$/, 'health/live')).catch(() => null))?.ok) {
      return {
        url,
        pid: child.pid!,
        stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
      };
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${what} did not start at ${url}`);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** A process and its descendants (a cluster primary and its workers). */
function tree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
  return all;
}

function cpuTicks(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // gone
    }
  }
  return ticks;
}

function rssKb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb;
}

/** Samples a process tree while a scenario runs: CPU seconds and % of one core on average, peak RSS (sum over the tree). */
export function watchProcess(pid: number) {
  const pids = tree(pid);
  const startTicks = cpuTicks(pids);
  const started = performance.now();
  let peakKb = rssKb(pids);
  const timer = setInterval(() => (peakKb = Math.max(peakKb, rssKb(pids))), 250);
  return () => {
    clearInterval(timer);
    peakKb = Math.max(peakKb, rssKb(pids));
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (cpuTicks(pids) - startTicks) / TICKS_PER_SECOND;
    return { cpuPercent: Math.round((cpuSeconds / seconds) * 100), cpuSeconds, peakRssMb: Math.round(peakKb / 1024) };
  };
}
