import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, Kind, parse, visit, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import { repoRoot } from '@cg/kit';

/**
 * The example operations: the README example (docs/example-query.graphql) and every docs/operations/*.graphql, each
 * one operation. They share the fragments of docs/operations/fragments.graphql (the console spreads them too), so each
 * example as served — GraphiQL's tabs, the trusted-documents manifest, the registry's check, the tests — is its file
 * followed by the fragments it spreads, directly or through another fragment.
 */
export interface ExampleOperation {
  file: string;
  name: string;
  query: string;
  variables?: string;
}

const FRAGMENTS = 'fragments.graphql';

/** The shared fragments by name, each with its own source text (comment lines above it included). */
function sharedFragments(dir: string): Map<string, { node: FragmentDefinitionNode; text: string }> {
  const file = path.join(dir, FRAGMENTS);
  const fragments = new Map<string, { node: FragmentDefinitionNode; text: string }>();
  if (!existsSync(file)) return fragments;
  const source = readFileSync(file, 'utf8');
  for (const node of parse(source).definitions) {
    if (node.kind !== Kind.FRAGMENT_DEFINITION || !node.loc) throw new Error(`${FRAGMENTS} holds fragments only`);
    fragments.set(node.name.value, { node, text: source.slice(node.loc.start, node.loc.end) });
  }
  return fragments;
}

const spreadsIn = (node: Parameters<typeof visit>[0]): string[] => {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
};

/** The text followed by the shared fragments it needs, in the order fragments.graphql gives them. */
function withFragments(text: string, fragments: ReturnType<typeof sharedFragments>): string {
  const needed = new Set<string>();
  const queue = spreadsIn(parse(text));
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const fragment = fragments.get(name);
    if (!fragment || needed.has(name)) continue;
    needed.add(name);
    queue.push(...spreadsIn(fragment.node));
  }
  const appended = [...fragments].filter(([name]) => needed.has(name)).map(([, fragment]) => fragment.text);
  return appended.length ? `${text.trimEnd()}\n\n${appended.join('\n\n')}\n` : text;
}

/** Every example; a `# variables: {…}` comment line gives the variables. */
export function exampleOperations(root = repoRoot): ExampleOperation[] {
  const dir = path.join(root, 'docs', 'operations');
  const fragments = sharedFragments(dir);
  const files = [
    path.join(root, 'docs', 'example-query.graphql'),
    ...(existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.graphql') && f !== FRAGMENTS)
          .sort()
          .map((f) => path.join(dir, f))
      : []),
  ];
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    return {
      file: path.relative(root, file),
      name: /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(text)?.[1] ?? path.basename(file, '.graphql'),
      query: withFragments(text, fragments),
      variables: /^#\s*variables:\s*(\{.*\})\s*$/m.exec(text)?.[1],
    };
  });
}

/** One example by its path from the repository root, e.g. `docs/example-query.graphql`. */
export function exampleOperation(file: string, root = repoRoot): ExampleOperation {
  const found = exampleOperations(root).find((op) => op.file === file);
  if (!found) throw new Error(`${file} is not an example operation`);
  return found;
}

/**
 * A graphql-js schema of the supergraph, for validating client operations (federation's join__/link__ elements are
 * extra directives and types that operations never name).
 */
export const supergraphSchema = (sdl: string): GraphQLSchema => buildASTSchema(parse(sdl), { assumeValidSDL: true });
