/**
 * `npm run schema:check [-- --base <file>] [--allow-breaking]`
 *
 * Composes every department's schema.graphql afresh and compares the resulting API with the supergraph on main
 * (`origin/main`, else `main`, else the checked-in schema/supergraph.graphql; `--base` names a file instead), using
 * @graphql-inspector/core. Lists every change with the department(s) it touches, and fails on a breaking one unless
 * it is allowed: `--allow-breaking` (or SCHEMA_CHECK_ALLOW_BREAKING=1) allows all; schema/allowed-breaking-changes.txt
 * allows those whose path or message it lists, one a line (`#` comments: say why and who agreed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { composeSupergraph, repoRoot, supergraphPath } from '@cg/kit';
import { apiSchema, owners } from './supergraph-api';

const allowListPath = path.join(repoRoot, 'schema', 'allowed-breaking-changes.txt');

/** The supergraph to compare with, and where it came from. */
function baseSupergraph(argv: string[]): { sdl: string; from: string } {
  const index = argv.indexOf('--base');
  if (index >= 0) return { sdl: readFileSync(argv[index + 1]!, 'utf8'), from: argv[index + 1]! };
  const file = path.relative(repoRoot, supergraphPath);
  for (const ref of ['origin/main', 'main']) {
    try {
      const sdl = execFileSync('git', ['show', `${ref}:${file}`], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      let behind = '';
      try {
        execFileSync('git', ['merge-base', '--is-ancestor', ref, 'HEAD'], { cwd: repoRoot, stdio: 'ignore' });
      } catch {
        // What main added since this branch left it would show up as removals: say so.
        behind = ` — note: this branch does not contain ${ref}; merge it first, or main's additions show as removals`;
      }
      return { sdl, from: `${ref}:${file}${behind}` };
    } catch {
      // not a git checkout, or no such ref: try the next
    }
  }
  return { sdl: readFileSync(supergraphPath, 'utf8'), from: `${file} (checked in; no main branch found)` };
}

const allowList = (): string[] =>
  existsSync(allowListPath)
    ? readFileSync(allowListPath, 'utf8')
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim())
        .filter(Boolean)
    : [];

async function main(argv: string[]): Promise<number> {
  const base = baseSupergraph(argv);
  const composed = composeSupergraph();
  if (composed.errors.length) {
    console.error(`Composition failed:\n${composed.errors.map((e) => `  - ${e}`).join('\n')}`);
    return 1;
  }
  const changes: Change[] = await diff(apiSchema(base.sdl), apiSchema(composed.supergraphSdl!));
  const byOwner = owners(base.sdl, composed.supergraphSdl!);
  const departments = (change: Change) => {
    const parts = (change.path ?? '').split('.');
    const found = byOwner.get(parts.slice(0, 2).join('.')) ?? byOwner.get(parts[0]!);
    return found ? [...found].sort().join(', ') : 'schema';
  };
  const allowAll = argv.includes('--allow-breaking') || process.env.SCHEMA_CHECK_ALLOW_BREAKING === '1';
  const allowed = allowList();
  const isAllowed = (c: Change) => allowAll || allowed.some((entry) => entry === c.path || entry === c.message);

  console.log(`Schema check against ${base.from}: ${changes.length} change(s).`);
  const levels = [CriticalityLevel.Breaking, CriticalityLevel.Dangerous, CriticalityLevel.NonBreaking];
  for (const level of levels) {
    for (const change of changes.filter((c) => c.criticality.level === level)) {
      const note = level === CriticalityLevel.Breaking && isAllowed(change) ? ' (allowed)' : '';
      const reason = change.criticality.reason ? ` — ${change.criticality.reason.split(/(?<=\.)\s/)[0]}` : '';
      console.log(`  ${level}${note} [${departments(change)}] ${change.message}${level === CriticalityLevel.NonBreaking ? '' : reason}`);
    }
  }
  const refused = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking && !isAllowed(c));
  if (refused.length) {
    console.error(
      `\n${refused.length} breaking change(s) would break clients of the gateway. Keep the old field beside the new one ` +
        `(deprecate it with @deprecated(reason: "…")), or, when every client has agreed, list the change's path in ` +
        `${path.relative(repoRoot, allowListPath)} or run with --allow-breaking.`,
    );
    return 1;
  }
  console.log('No breaking change (or every breaking change is allowed).');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
