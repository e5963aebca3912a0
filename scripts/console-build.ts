/**
 * `npm run console:build`: the case-desk console (console/) built with Vite into console/dist, which the gateway serves
 * at /console. Skipped when the sources and the bundled packages' versions are those of the last build (a stamp in dist).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
export const consoleDir = path.join(root, 'console');
export const consoleDist = path.join(consoleDir, 'dist');
const stampFile = path.join(consoleDist, '.source-hash');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    });
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [path.join(consoleDir, 'index.html'), path.join(consoleDir, 'vite.config.mts'), ...files(path.join(consoleDir, 'src'))]) {
    hash.update(path.relative(consoleDir, file)).update(readFileSync(file));
  }
  for (const pkg of ['vite', 'react', 'react-dom', 'urql', 'echarts', 'echarts-for-react']) {
    hash.update(`${pkg}@${(JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version}`);
  }
  return hash.digest('hex');
}

/** Builds the console unless dist is current; returns whether it built. Throws when Vite fails. */
export function ensureConsoleBuilt({ force = false } = {}): boolean {
  const hash = sourceHash();
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return false;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: consoleDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`console build failed (vite exited ${result.status ?? result.signal})`);
  writeFileSync(stampFile, hash);
  return true;
}

if (require.main === module) {
  const started = Date.now();
  const built = ensureConsoleBuilt({ force: process.argv.includes('--force') });
  console.log(built ? `console built into console/dist in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'console/dist is current');
}
