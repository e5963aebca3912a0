/**
 * `npm run docs:schema` writes docs/schema.md, the schema reference, from schema/supergraph.graphql: every type
 * clients see, its fields with arguments, descriptions (with the Chinese terms), the department answering each and
 * the file that resolves it (found in the department's src/resolvers/, or its model when the field is the stored
 * document's own). `npm run docs:schema -- --check` fails when docs/schema.md is stale.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  astFromValue,
  print,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';
import { listSubgraphs, repoRoot, supergraphPath } from '@cg/kit';
import { apiSchema, owners } from './supergraph-api';

const target = path.join(repoRoot, 'docs', 'schema.md');

const cell = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const anchor = (name: string) => name.toLowerCase();
/** `[Resident!]!` with the named type linked to its section. */
const typeRef = (type: { toString(): string }, named: GraphQLNamedType) => (isSpecifiedScalarType(named) ? `\`${type}\`` : `[\`${type}\`](#${anchor(named.name)})`);
const namedOf = (type: GraphQLType): GraphQLNamedType => ('ofType' in type ? namedOf(type.ofType) : type);
const args = (list: readonly GraphQLArgument[]) =>
  list.length ? `(${list.map((a) => `${a.name}: ${a.type}${a.defaultValue !== undefined ? ` = ${print(astFromValue(a.defaultValue, a.type)!)}` : ''}`).join(', ')})` : '';

/** A resolver map's entry for `field`: `field: …`, `field(…)` or `async field(…)` at the start of a line. */
const definesField = (source: string, field: string) => new RegExp(`^\\s*(?:async\\s+)?${field}\\s*[:(]`, 'm').test(source);

/**
 * Where a department resolves `Type.field`, as a path from the repository root: the resolver file of the type that
 * has an entry for the field (any resolver file for Query and Mutation, which are spread over several), else the
 * type's model (the field is the stored document's), else the type's resolver file (a reference resolver). Pages,
 * edges and access records are the kit's; a value object without a file of its own is built where it is named.
 */
export function resolverFiles(root = repoRoot) {
  const departments = new Map(
    listSubgraphs().map((entry) => {
      const dir = path.join(entry.dir, 'src', 'resolvers');
      const files = existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
            .sort()
        : [];
      return [entry.name, { src: path.relative(root, path.join(entry.dir, 'src')), files: new Map(files.map((f) => [f.slice(0, -3), readFileSync(path.join(dir, f), 'utf8')])) }];
    }),
  );
  return (department: string, typeName: string, field: string): string | undefined => {
    const found = departments.get(department);
    if (!found) return undefined;
    if (/(Connection|Edge)$/.test(typeName) || typeName === 'PageInfo') return 'kit/src/connection.ts';
    if (typeName.startsWith('AuditRecord') || field.endsWith('AuditRecords')) return 'kit/src/audit.ts';
    const own = found.files.get(typeName);
    const resolver = (name: string) => `${found.src}/resolvers/${name}.ts`;
    if (own !== undefined && definesField(own, field)) return resolver(typeName);
    if (typeName === 'Query' || typeName === 'Mutation') {
      // Root fields are spread over files typed by QueryResolvers / MutationResolvers; another type's map may have a
      // field of the same name (DeliberationFollowUp.jointCase beside Query.jointCase).
      const roots = [...found.files].filter(([, source]) => source.includes(`${typeName}Resolvers`));
      const other = roots.find(([, source]) => definesField(source, field)) ?? [...found.files].find(([, source]) => definesField(source, field));
      return other ? resolver(other[0]) : undefined;
    }
    if (existsSync(path.join(root, found.src, 'models', `${typeName}.ts`))) return `${found.src}/models/${typeName}.ts`;
    if (own !== undefined) return resolver(typeName);
    const naming = [...found.files].find(([, source]) => new RegExp(`\\b${typeName}\\b`).test(source));
    return naming ? resolver(naming[0]) : undefined;
  };
}

export function renderSchemaDocs(supergraphSdl: string, fileOf = resolverFiles()): string {
  const schema = apiSchema(supergraphSdl);
  const byOwner = owners(supergraphSdl);
  const departments = (key: string) => [...(byOwner.get(key) ?? [])].sort().join(', ');
  /** The fields returning each type: a computed value (measures, ledgers, sweeps) is built where such a field is resolved. */
  const returnedBy = new Map<string, Array<[string, string]>>();
  for (const type of Object.values(schema.getTypeMap()))
    if (isObjectType(type) && !type.name.startsWith('__'))
      for (const field of Object.values(type.getFields())) {
        const named = namedOf(field.type).name;
        returnedBy.set(named, [...(returnedBy.get(named) ?? []), [type.name, field.name]]);
      }
  const fileFor = (department: string, typeName: string, field: string, seen = new Set<string>()): string | undefined => {
    const own = fileOf(department, typeName, field);
    if (own || seen.has(typeName)) return own;
    seen.add(typeName);
    for (const [parent, parentField] of returnedBy.get(typeName) ?? []) {
      if (!byOwner.get(`${parent}.${parentField}`)?.has(department)) continue;
      const found = fileFor(department, parent, parentField, seen);
      if (found) return found;
    }
    return undefined;
  };
  /** Each answering department with the file that resolves the field, linked from docs/. */
  const resolvedIn = (typeName: string, field: string) =>
    [...(byOwner.get(`${typeName}.${field}`) ?? [])]
      .sort()
      .map((department) => {
        const file = fileFor(department, typeName, field);
        return file ? `${department}: [${file}](../${file})` : department;
      })
      .join('<br>');
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const roots = ['Query', 'Mutation', 'Subscription'].map((n) => schema.getType(n)).filter(Boolean) as GraphQLNamedType[];
  const sections: Array<[string, GraphQLNamedType[]]> = [
    ['Operations', roots],
    ['Objects', types.filter((t) => (isObjectType(t) || isInterfaceType(t) || isUnionType(t)) && !roots.includes(t))],
    ['Inputs', types.filter(isInputObjectType)],
    ['Enums', types.filter(isEnumType)],
    ['Scalars', types.filter((t) => isScalarType(t) && !isSpecifiedScalarType(t))],
  ];

  const out: string[] = [
    '# Schema reference',
    '',
    '<!-- Generated by `npm run docs:schema` from schema/supergraph.graphql; do not edit by hand. -->',
    '',
    'Every type the gateway serves, with the department (subgraph) that answers each field and the file that resolves it',
    "(a model file: the field is the stored document's own; for a computed value, the file resolving the field that returns it). Try them in GraphiQL: open the gateway's `/graphql` in a browser.",
    '',
  ];
  for (const [title, list] of sections) {
    if (!list.length) continue;
    out.push(`## ${title}`, '', list.map((t) => `[${t.name}](#${anchor(t.name)})`).join(' · '), '');
    for (const type of list) {
      out.push(`### ${type.name}`, '');
      // A root type's description is whichever department's came first in composition: not about the whole API.
      if (type.description && !roots.includes(type)) out.push(cell(type.description), '');
      if (!roots.includes(type) && departments(type.name)) out.push(`Departments: ${departments(type.name)}.`, '');
      if (isObjectType(type) || isInterfaceType(type)) {
        out.push('| field | type | resolved in | description |', '| --- | --- | --- | --- |');
        for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
          const deprecated = field.deprecationReason ? ` **Deprecated:** ${cell(field.deprecationReason)}` : '';
          out.push(
            `| \`${field.name}${args(field.args)}\` | ${typeRef(field.type, namedOf(field.type))} | ${resolvedIn(type.name, field.name)} | ${cell(field.description)}${deprecated} |`,
          );
          for (const arg of field.args.filter((a) => a.description)) out.push(`| ↳ \`${arg.name}\` | \`${arg.type}\` | | ${cell(arg.description)} |`);
        }
      } else if (isUnionType(type)) {
        out.push(
          `One of: ${type
            .getTypes()
            .map((t) => `[${t.name}](#${anchor(t.name)})`)
            .join(', ')}.`,
        );
      } else if (isInputObjectType(type)) {
        out.push('| field | type | description |', '| --- | --- | --- |');
        for (const field of Object.values(type.getFields()) as GraphQLInputField[]) {
          out.push(`| \`${field.name}\` | ${typeRef(field.type, namedOf(field.type))} | ${cell(field.description)} |`);
        }
      } else if (isEnumType(type)) {
        out.push('| value | description |', '| --- | --- |');
        for (const value of type.getValues()) out.push(`| \`${value.name}\` | ${cell(value.description)} |`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (require.main === module) {
  const rendered = renderSchemaDocs(readFileSync(supergraphPath, 'utf8'));
  const shown = path.relative(repoRoot, target);
  if (process.argv.includes('--check')) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== rendered) {
      console.error(`${shown} is stale: run \`npm run docs:schema\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${shown} is up to date.`);
  } else {
    writeFileSync(target, rendered);
    console.log(`wrote ${shown}`);
  }
}
