/**
 * `npm run new-subgraph -- <name> [--port N] [--entity TypeName] [--title "Name (中文)"] [--no-seed]`
 *
 * Scaffolds subgraphs/<name>/ from templates/subgraph (schema, model, loader, typed resolvers, server, index, an e2e
 * test, package.json with a free port, a demo seed), adds its service to docker-compose.yml, generates its resolver
 * types, and recomposes the supergraph. Discovery is by folder (kit/src/registry.ts): no other file lists departments.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph, gatewayPort, listSubgraphs, policyTable, repoRoot, supergraphPath } from '@cg/kit';

const templateDir = path.join(repoRoot, 'templates', 'subgraph');

export interface ScaffoldOptions {
  name: string;
  port?: number;
  entity?: string;
  title?: string;
  seed?: boolean;
}

const pascal = (name: string) =>
  name
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
const camel = (type: string) => type[0]!.toLowerCase() + type.slice(1);
const plural = (word: string) => (/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);
const snake = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function parseArgs(argv: string[]): ScaffoldOptions {
  const options: ScaffoldOptions = { name: '', seed: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--port') options.port = Number(value());
    else if (arg === '--entity') options.entity = value();
    else if (arg === '--title') options.title = value();
    else if (arg === '--no-seed') options.seed = false;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else if (!options.name) options.name = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  return options;
}

/** The placeholders the templates use, from the department name and options. */
export function placeholders(options: ScaffoldOptions, port: number): Record<string, string> {
  const Entity = options.entity ?? `${pascal(options.name)}Record`;
  return {
    __name__: options.name,
    __Title__:
      options.title ??
      options.name
        .split('-')
        .map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
        .join(' '),
    __Entity__: Entity,
    __entity__: camel(Entity),
    __entities__: plural(camel(Entity)),
    __collection__: plural(snake(Entity)),
    __port__: String(port),
    __seed__: String([...options.name].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 1_000_000, 7)),
  };
}

const fill = (text: string, values: Record<string, string>) => Object.entries(values).reduce((out, [key, value]) => out.replaceAll(key, value), text);

function* templateFiles(dir: string, rel = ''): Generator<string> {
  for (const entry of readdirSync(path.join(dir, rel))) {
    const file = path.join(rel, entry);
    if (statSync(path.join(dir, file)).isDirectory()) yield* templateFiles(dir, file);
    else if (file.endsWith('.tpl')) yield file;
  }
}

/** The first port after every registered one (subgraphs and gateway), or the requested one if nobody has it. */
export function choosePort(requested?: number): number {
  const taken = new Set([gatewayPort(), ...listSubgraphs().map((s) => s.port)]);
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1024 || requested > 65535) throw new Error(`--port must be 1024–65535`);
    if (taken.has(requested)) throw new Error(`port ${requested} is already registered`);
    return requested;
  }
  let port = Math.max(...taken) + 1;
  while (taken.has(port)) port++;
  return port;
}

/** Adds the department's service to docker-compose.yml and makes the gateway wait for it (text edit: keeps comments). */
export function registerInCompose(composeText: string, name: string, port: number): string {
  if (new RegExp(`^  ${name}:`, 'm').test(composeText)) return composeText;
  const lines = composeText.split('\n');
  const gateway = lines.findIndex((l) => l === '  gateway:');
  if (gateway < 0) throw new Error('docker-compose.yml has no gateway service');
  const dependsOn = lines.findIndex((l, i) => i > gateway && l === '    depends_on:');
  let end = dependsOn + 1;
  while (end < lines.length && lines[end]!.startsWith('      ')) end++;
  lines.splice(end, 0, `      ${name}: { condition: service_healthy }`);
  lines.splice(gateway, 0, `  ${name}:`, `    <<: *department`, `    environment: { <<: *department-env, SERVICE: ${name}, PORT: "${port}" }`, '');
  return lines.join('\n');
}

const run = (script: string) => {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
};

export function scaffold(options: ScaffoldOptions, log: (line: string) => void = console.log): string[] {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.name)) throw new Error('the name must be kebab-case, e.g. law-enforcement');
  if (options.entity !== undefined && !/^[A-Z][A-Za-z0-9]*$/.test(options.entity)) throw new Error('--entity must be a PascalCase type name');
  const dir = path.join(repoRoot, 'subgraphs', options.name);
  if (existsSync(dir)) throw new Error(`subgraphs/${options.name} already exists`);
  const port = choosePort(options.port);
  const values = placeholders(options, port);

  const written: string[] = [];
  for (const file of templateFiles(templateDir)) {
    if (!options.seed && file === path.join('src', 'seed.ts.tpl')) continue;
    const target = path.join(dir, fill(file.slice(0, -'.tpl'.length), values));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, fill(readFileSync(path.join(templateDir, file), 'utf8'), values));
    written.push(path.relative(repoRoot, target));
  }
  log(`created subgraphs/${options.name} (port ${port}, entity ${values.__Entity__}): ${written.length} files`);

  const composeFile = path.join(repoRoot, 'docker-compose.yml');
  writeFileSync(composeFile, registerInCompose(readFileSync(composeFile, 'utf8'), options.name, port));
  log('registered the service in docker-compose.yml');

  run('codegen');
  log(`generated subgraphs/${options.name}/src/generated/resolvers-types.ts`);
  const composed = composeSupergraph();
  if (composed.errors.length) throw new Error(`composition failed:\n  - ${composed.errors.join('\n  - ')}`);
  writeFileSync(supergraphPath, composed.supergraphSdl!);
  log('recomposed schema/supergraph.graphql');
  if (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts?.['docs:schema']) {
    run('docs:schema');
    log('regenerated docs/schema.md');
  }
  writeFileSync(path.join(repoRoot, 'docs', 'policy.md'), policyTable());
  log('regenerated docs/policy.md (who may use each type and root field)');
  run('kubernetes');
  log(`generated deploy/kubernetes/${options.name}.yaml`);
  return written;
}

if (require.main === module) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (!options.name) throw new Error('usage: npm run new-subgraph -- <name> [--port N] [--entity TypeName] [--title "Name (中文)"] [--no-seed]');
    scaffold(options);
    console.log(
      `\nNext: edit subgraphs/${options.name}/schema.graphql, then \`npm run codegen && npm run compose\`; \`npm start\` runs it; docs/adding-a-department.md walks through it.`,
    );
  } catch (error) {
    console.error(`new-subgraph: ${(error as Error).message}`);
    process.exit(1);
  }
}
