import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDepartment, composeSupergraph, listSubgraphs, supergraphPath } from '@cg/kit';

test('the checked-in supergraph is what composing subgraphs/*/schema.graphql gives', () => {
  const result = composeSupergraph();
  expect(result.errors).toEqual([]);
  expect(result.supergraphSdl).toBe(readFileSync(supergraphPath, 'utf8'));
});

test('every department is in the supergraph with its registered URL', () => {
  const sdl = readFileSync(supergraphPath, 'utf8');
  for (const entry of listSubgraphs()) expect(sdl).toContain(`name: "${entry.name}", url: "http://localhost:${entry.port}/graphql"`);
});

test("a conflicting department is reported with composition's own messages", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cg-compose-'));
  try {
    const department = (name: string, port: number, sdl: string) => {
      mkdirSync(path.join(root, name));
      writeFileSync(path.join(root, name, 'package.json'), JSON.stringify({ subgraph: { port } }));
      writeFileSync(
        path.join(root, name, 'schema.graphql'),
        `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@tag"])\n${sdl}`,
      );
    };
    department('a', 5001, 'type Query { grid: Grid } type Grid @key(fields: "id") { id: ID! code: String! @shareable }');
    department('b', 5002, 'type Grid @key(fields: "id") { id: ID! code: Int! @shareable }');
    const result = composeSupergraph(root);
    expect(result.supergraphSdl).toBeUndefined();
    expect(result.errors.join('\n')).toMatch(/Grid\.code/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a type or root field without an access rule fails composition, and its department does not start', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cg-compose-'));
  try {
    const sdl = (
      schemaRule: string,
      gridRule: string,
      queryRule: string,
    ) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@tag"]) ${schemaRule}
      type Query { grid(id: ID!): Grid ${queryRule} grids: [Grid!]! @access(roles: ["GRID_WORKER"]) }
      type Grid @key(fields: "id") ${gridRule} { id: ID! code: String! }
      type Unit @key(fields: "id", resolvable: false) { id: ID! }`;
    mkdirSync(path.join(root, 'a'));
    writeFileSync(path.join(root, 'a', 'package.json'), JSON.stringify({ subgraph: { port: 5001 } }));
    const write = (text: string) => writeFileSync(path.join(root, 'a', 'schema.graphql'), text);
    write(sdl('', '@access(roles: ["GRID_WORKER"])', ''));
    const unruled = composeSupergraph(root);
    expect(unruled.supergraphSdl).toBeUndefined();
    expect(unruled.errors).toEqual(['[a] no @access rule (and no department default) for: Unit, Query.grid']);
    const department = { name: 'a', schemaPath: path.join(root, 'a', 'schema.graphql'), resolvers: {}, createModels: () => ({}), createLoaders: () => ({}) };
    await expect(buildDepartment(department, { mongoUri: 'mongodb://127.0.0.1:9' })).rejects.toThrow(/a: no @access rule for Unit, Query\.grid/);
    // A department default covers the types; root fields still need their own roles.
    write(sdl('@access(roles: ["GRID_WORKER", "SERVICE"])', '', '@access'));
    expect(composeSupergraph(root).errors).toEqual(['[a] no @access rule (and no department default) for: Query.grid (no roles)']);
    write(sdl('@access(roles: ["GRID_WORKER", "SERVICE"])', '', '@access(roles: ["GRID_WORKER"])'));
    expect(composeSupergraph(root).errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
