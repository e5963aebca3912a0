import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeSupergraph, listSubgraphs, supergraphPath } from '@cg/kit';

test('the checked-in supergraph is what composing subgraphs/*/schema.graphql gives', () => {
  const result = composeSupergraph();
  expect(result.errors).toEqual([]);
  expect(result.supergraphSdl).toBe(readFileSync(supergraphPath, 'utf8'));
});

test('every department is in the supergraph with its registered URL', () => {
  const sdl = readFileSync(supergraphPath, 'utf8');
  for (const entry of listSubgraphs()) expect(sdl).toContain(`name: "${entry.name}", url: "http://localhost:${entry.port}/graphql"`);
});

test('a conflicting department is reported with composition\'s own messages', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cg-compose-'));
  try {
    const department = (name: string, port: number, sdl: string) => {
      mkdirSync(path.join(root, name));
      writeFileSync(path.join(root, name, 'package.json'), JSON.stringify({ subgraph: { port } }));
      writeFileSync(path.join(root, name, 'schema.graphql'), `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\n${sdl}`);
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
