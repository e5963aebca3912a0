import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { supergraphPath } from '@cg/kit';
import { exampleOperations, supergraphSchema } from '@cg/gateway/examples';

// The operations GraphiQL offers (README example, docs/operations/*) must stay valid against the composed supergraph.
const schema = supergraphSchema(readFileSync(supergraphPath, 'utf8'));
const operations = exampleOperations();

test('the README example and a dossier are among the examples', () => {
  expect(operations.map((op) => op.file)).toEqual(expect.arrayContaining(['docs/example-query.graphql', 'docs/operations/resident-dossier.graphql']));
});

describe.each(operations)('$file', (op) => {
  test(`${op.name} validates against the supergraph, with its example variables`, () => {
    const document = parse(op.query);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    const definition = document.definitions.find((d) => d.kind === 'OperationDefinition');
    if (!definition || definition.kind !== 'OperationDefinition') throw new Error('no operation');
    const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], op.variables ? JSON.parse(op.variables) : {});
    expect(coerced.errors?.map((e) => e.message) ?? []).toEqual([]);
  });
});
