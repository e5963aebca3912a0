/**
 * `npm run build [-- --out build/app]`: the runtime tree of the image (Dockerfile), TypeScript compiled ahead of
 * time so every process starts with plain `node` on JavaScript. esbuild transpiles file by file (no bundle), so the
 * layout stays the repository's and everything that finds files from `__dirname` (the registry, SDL, supergraph,
 * GraphiQL) finds them; the workspace package.json files get `main` pointing at the compiled file. Type checking
 * stays `npm run typecheck`. `--install` then runs `npm ci --omit=dev` in the output, as the image does.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { listSubgraphs, repoRoot } from '@cg/kit';
import { consoleDist, ensureConsoleBuilt } from './console-build';

/** Sources that run in production: the kit, the gateway and every department (tests and benchmarks are not shipped). */
const SOURCE_DIRS = () => ['kit/src', 'gateway/src', ...listSubgraphs().map((s) => path.relative(repoRoot, path.join(s.dir, 'src')))];
/** Files read at run time, copied as they are. */
const ASSETS = () => [
  'package.json',
  'package-lock.json',
  'kit/package.json',
  'kit/schema',
  'gateway/package.json',
  // A workspace (the demo world's writer, not shipped): npm ci needs every workspace's manifest.
  'scripts/seed/package.json',
  'gateway/graphiql',
  'gateway/src/open311/services.json',
  'schema/supergraph.graphql',
  'schema/contracts',
  'docs/example-query.graphql',
  'docs/operations',
  ...listSubgraphs().flatMap((s) => ['package.json', 'schema.graphql'].map((f) => path.relative(repoRoot, path.join(s.dir, f)))),
];

const isSource = (file: string) => file.endsWith('.ts') && !/\.(test|e2e|d)\.ts$/.test(file);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : isSource(full) ? [full] : [];
  });
}

/** A workspace package.json whose `main`, `types` and `exports` named .ts files now names the compiled .js. */
function compiledManifest(file: string): void {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of ['main', 'types']) if (typeof manifest[key] === 'string') manifest[key] = manifest[key].replace(/\.ts$/, '.js');
  if (manifest.exports) manifest.exports = Object.fromEntries(Object.entries(manifest.exports as Record<string, string>).map(([k, v]) => [k, v.replace(/\.ts$/, '.js')]));
  if (manifest.types) delete manifest.types;
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function buildRuntime(out: string): Promise<{ files: number }> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const entryPoints = SOURCE_DIRS().flatMap((dir) => walk(path.join(repoRoot, dir)));
  await build({ entryPoints, outdir: out, outbase: repoRoot, format: 'cjs', platform: 'node', target: 'node24', bundle: false, logLevel: 'warning' });
  for (const asset of ASSETS()) cpSync(path.join(repoRoot, asset), path.join(out, asset), { recursive: true });
  ensureConsoleBuilt(); // the gateway serves its static files at /console
  cpSync(consoleDist, path.join(out, 'console', 'dist'), { recursive: true });
  for (const manifest of ['kit/package.json', 'gateway/package.json', ...listSubgraphs().map((s) => path.relative(repoRoot, path.join(s.dir, 'package.json')))]) {
    compiledManifest(path.join(out, manifest));
  }
  return { files: entryPoints.length };
}

/** `npm ci --omit=dev` in the output: the image's node_modules, production dependencies only. */
export function installProduction(out: string): void {
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: out, stdio: ['ignore', 'ignore', 'inherit'] });
}

if (require.main === module) {
  const at = process.argv.indexOf('--out');
  const out = path.resolve(at > 0 ? process.argv[at + 1]! : path.join(repoRoot, 'build', 'app'));
  const started = performance.now();
  void buildRuntime(out).then(({ files }) => {
    console.log(`compiled ${files} files to ${path.relative(process.cwd(), out) || '.'} in ${Math.round(performance.now() - started)} ms`);
    if (process.argv.includes('--install')) {
      installProduction(out);
      console.log('installed production dependencies (npm ci --omit=dev)');
    }
  });
}
