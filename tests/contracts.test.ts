import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { buildSchema, parse, validate } from 'graphql';
import { supergraphPath } from '@cg/kit';
import { buildContract, buildContracts, contractSchemaPath, loadContracts, type ContractConfig } from '@cg/gateway/contracts';

// Per-partner schemas: the tag rules on a small supergraph of two departments, then the repository's contracts.
const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@tag"])';
const people = `${link}
  type Query {
    residents: [Resident!]! @tag(name: "internal")
    resident(id: ID!): Resident @tag(name: "partner")
    search(text: String, hidden: Secret @tag(name: "internal")): [Node!]! @tag(name: "partner")
    care(filter: CareFilter!): [Resident!]! @tag(name: "partner")
  }
  type Resident implements Node @key(fields: "id") { id: ID! @tag(name: "partner") name: String! @tag(name: "partner") care: Care @tag(name: "partner") }
  interface Node @tag(name: "partner") { id: ID! }
  type Care { flags: [Flag!]! }
  enum Flag { ELDERLY DISABLED @tag(name: "internal") }
  enum Secret { A }
  input CareFilter { flag: Flag! @tag(name: "internal") grid: ID }
  type Mutation { flag(id: ID!, flag: Flag = DISABLED): Resident @tag(name: "partner") }
`;
const estates = `${link}
  type Query { estates: [Estate!]! @tag(name: "partner") orphan: Orphan }
  type Estate implements Node @key(fields: "id") @tag(name: "partner") { id: ID! name: String! residents: [Resident!]! secretNote: String @tag(name: "internal") }
  interface Node { id: ID! }
  type Resident @key(fields: "id", resolvable: false) { id: ID! }
  type Orphan @tag(name: "partner") { x: Int }
`;
const supergraph = () => {
  const result = composeServices([
    { name: 'people', url: 'http://people/graphql', typeDefs: parse(people) },
    { name: 'estates', url: 'http://estates/graphql', typeDefs: parse(estates) },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
};
const cut = (config: Partial<ContractConfig>) => buildSchema(buildContract(supergraph(), { name: 'test', include: [], exclude: [], ...config }).apiSchemaSdl);
const fields = (schema: ReturnType<typeof buildSchema>, type: string) => {
  const t = schema.getType(type);
  return t && 'getFields' in t ? Object.keys(t.getFields()).sort() : null;
};

test('include: a field stays when it or its type has an included tag; what is left unreachable goes', () => {
  const schema = cut({ include: ['partner'] });
  expect(fields(schema, 'Query')).toEqual(['care', 'estates', 'resident', 'search']);
  expect(fields(schema, 'Estate')).toEqual(['id', 'name', 'residents', 'secretNote']); // the type's tag covers its fields
  expect(schema.getType('Care')).toBeUndefined(); // no included field: gone, and Resident.care with it
  expect(fields(schema, 'Resident')).toEqual(['id', 'name']);
  expect(schema.getType('Orphan')).toBeUndefined(); // tagged, but no kept field reaches it
  expect(fields(schema, 'Mutation')).toEqual(['flag']);
});

test('exclude wins, for fields, arguments, enum values and input fields, and cascades', () => {
  const schema = cut({ include: ['partner'], exclude: ['internal'] });
  expect(fields(schema, 'Estate')).toEqual(['id', 'name', 'residents']);
  // An optional argument goes alone; a required input field takes its input type and the field needing it along.
  expect(
    schema
      .getQueryType()!
      .getFields()
      .search!.args.map((a) => a.name),
  ).toEqual(['text']);
  expect(schema.getType('Secret')).toBeUndefined();
  expect(schema.getType('CareFilter')).toBeUndefined();
  expect(fields(schema, 'Query')).toEqual(['estates', 'resident', 'search']);
  // An argument whose default is an excluded enum value goes; the field stays.
  expect(
    schema
      .getMutationType()!
      .getFields()
      .flag!.args.map((a) => a.name),
  ).toEqual(['id']);
  const excludeOnly = cut({ exclude: ['internal'] });
  expect(fields(excludeOnly, 'Query')).toEqual(['estates', 'orphan', 'resident', 'search']); // care needed CareFilter.flag
  expect((excludeOnly.getType('Flag') as any).getValues().map((v: any) => v.name)).toEqual(['ELDERLY']);
});

test('a field outside the contract does not validate against it', () => {
  const schema = cut({ include: ['partner'], exclude: ['internal'] });
  expect(validate(schema, parse('{ estates { name } }'))).toEqual([]);
  expect(validate(schema, parse('{ residents { id } }')).map((e) => e.message)).toEqual([expect.stringMatching(/^Cannot query field "residents" on type "Query"/)]);
});

test('a contract naming a tag nobody carries, or leaving no Query field, is refused', () => {
  expect(() => cut({ include: ['partnr'] })).toThrow(/no element of the supergraph carries @tag\(name: "partnr"\)/);
  expect(() => cut({ exclude: ['partner', 'internal'], include: ['internal'] })).toThrow(/no Query field is left/);
});

test('the contracts of the repository: the checked-in API schemas are what compose gives, and partners see no care record', () => {
  const sdl = readFileSync(supergraphPath, 'utf8');
  const contracts = buildContracts(sdl);
  expect(contracts.map((c) => c.name)).toEqual(['employment-partner', 'open-data', 'property-partner', 'response-unit']);
  for (const contract of contracts) expect({ [contract.name]: readFileSync(contractSchemaPath(contract.name), 'utf8') }).toEqual({ [contract.name]: contract.apiSchemaSdl });
  const property = buildSchema(contracts.find((c) => c.name === 'property-partner')!.apiSchemaSdl);
  for (const type of ['CareProfile', 'ResidentCare', 'Resident', 'Household', 'AssistanceRecord', 'JointCaseInquiry'])
    expect({ type, present: Boolean(property.getType(type)) }).toEqual({ type, present: false });
  expect(fields(property, 'Query')).toEqual(expect.arrayContaining(['estates', 'serviceOrders', 'jointCases']));
  expect(fields(property, 'Query')).not.toContain('careProfiles');
  // Open data: aggregates only, nothing that returns a record of a person or a case.
  const open = buildSchema(contracts.find((c) => c.name === 'open-data')!.apiSchemaSdl);
  expect(fields(open, 'Query')).toEqual(['governmentLedger', 'jointCaseMeasures', 'publicSentimentLedger']);
  expect(open.getMutationType()).toBeUndefined();
  expect(Object.keys(open.getTypeMap()).filter((t) => /Resident|JointCase$|Unit$/.test(t))).toEqual([]);
  expect(loadContracts().every((c) => c.description)).toBe(true);
});
