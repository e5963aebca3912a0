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
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { Kind, parse, type DirectiveNode, type GraphQLSchema } from 'graphql';
import { composeSupergraph, repoRoot, supergraphPath } from '@cg/kit';

const allowListPath = path.join(repoRoot, 'schema', 'allowed-breaking-changes.txt');

/** The supergraph to compare with, and where it came from. */
function baseSupergraph(argv: string[]): { sdl: string; from: string } {
  const index = argv.indexOf('--base');
  if (index >= 0) return { sdl: readFileSync(argv[index + 1]!, 'utf8'), from: argv[index + 1]! };
  const file = path.relative(repoRoot, supergraphPath);
  for (const ref of ['origin/main', 'main']) {
    try {
      const sdl = execFileSync('git', ['show', `${ref}:${file}`], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return { sdl, from: `${ref}:${file}` };
    } catch {
      // not a git checkout, or no such ref: try the next
    }
  }
  return { sdl: readFileSync(supergraphPath, 'utf8'), from: `${file} (checked in; no main branch found)` };
}

/** What clients see: the supergraph without federation's join__/link__ machinery. */
const apiSchema = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** `Type` or `Type.field` → the departments that define it, read from the supergraphs' @join__type/@join__field. */
function owners(...supergraphs: string[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (key: string, name: string) => (map.get(key) ?? map.set(key, new Set()).get(key)!).add(name);
  for (const sdl of supergraphs) {
    const document = parse(sdl);
    const graphs = new Map<string, string>();
    for (const def of document.definitions) {
      if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
        for (const value of def.values ?? []) {
          const name = value.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name')?.value;
          if (name?.kind === Kind.STRING) graphs.set(value.name.value, name.value);
        }
      }
    }
    const graphOf = (directive: DirectiveNode) => {
      const graph = directive.arguments?.find((a) => a.name.value === 'graph')?.value;
      return graph?.kind === Kind.ENUM ? graphs.get(graph.value) : undefined;
    };
    for (const def of document.definitions) {
      if (!('name' in def) || !def.name || !('directives' in def)) continue;
      const typeName = def.name.value;
      const typeGraphs = (def.directives ?? []).filter((d) => d.name.value === 'join__type').map(graphOf).filter(Boolean) as string[];
      for (const g of typeGraphs) add(typeName, g);
      const fields = 'fields' in def ? (def.fields ?? []) : 'values' in def ? (def.values ?? []) : [];
      for (const field of fields) {
        const fieldGraphs = (field.directives ?? []).filter((d) => d.name.value === 'join__field').map(graphOf).filter(Boolean) as string[];
        for (const g of fieldGraphs.length ? fieldGraphs : typeGraphs) add(`${typeName}.${field.name.value}`, g);
      }
    }
  }
  return map;
}

const allowList = (): string[] =>
  existsSync(allowListPath)
    ? readFileSync(allowListPath, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
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

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
