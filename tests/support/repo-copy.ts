import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@cg/kit';

/**
 * A throwaway copy of the repository (tracked and new, not ignored files) for tests that change it (scaffolding,
 * breaking the schema). node_modules is linked package by package, except the workspace links (`@cg/*`), which
 * point at the copy's own kit, gateway and departments so that scripts run there act on the copy.
 */
export function copyRepo(prefix = 'cg-repo-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && existsSync(path.join(repoRoot, file)));
  for (const file of files) cpSync(path.join(repoRoot, file), path.join(dir, file), { recursive: true });

  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, '@cg'), { recursive: true });
  for (const entry of readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (entry !== '@cg') symlinkSync(path.join(repoRoot, 'node_modules', entry), path.join(modules, entry));
  }
  // Every workspace of the root package.json (a `dir/*` entry: each folder in it), linked by its package name.
  const { workspaces } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { workspaces: string[] };
  const folders = workspaces.flatMap((w) => (w.endsWith('/*') ? readdirSync(path.join(dir, w.slice(0, -2))).map((name) => path.join(w.slice(0, -2), name)) : [w]));
  for (const folder of folders) {
    const { name } = JSON.parse(readFileSync(path.join(dir, folder, 'package.json'), 'utf8')) as { name: string };
    symlinkSync(path.join(dir, folder), path.join(modules, name));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
