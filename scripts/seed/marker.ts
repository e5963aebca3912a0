import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedCount } from './write';

/**
 * A seeded scale leaves `seeded-<prefix>-<scale>.json` beside the data, with how long it took and the counts, so the
 * benchmark can skip a seed that takes minutes and report its figures. One file per database prefix.
 */
export interface SeedMarker {
  scale: string;
  prefix: string;
  seconds: number;
  database: string;
  counts: SeedCount[];
}

const markerPath = (dataDir: string, scale: string, prefix = process.env.MONGODB_DB_PREFIX ?? 'cg') => path.join(dataDir, `seeded-${prefix}-${scale}.json`);

export function writeSeedMarker(dataDir: string, scale: string, marker: Omit<SeedMarker, 'scale' | 'prefix'>): void {
  mkdirSync(dataDir, { recursive: true });
  const prefix = process.env.MONGODB_DB_PREFIX ?? 'cg';
  writeFileSync(markerPath(dataDir, scale, prefix), JSON.stringify({ scale, prefix, ...marker }, null, 1));
}

export function readSeedMarker(dataDir: string, scale: string, prefix?: string): SeedMarker | null {
  const file = markerPath(dataDir, scale, prefix);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SeedMarker) : null;
}
