import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, type DirectiveNode, type GraphQLSchema } from 'graphql';

/** What clients see: the supergraph without federation's join__/link__ machinery. */
export const apiSchema = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** `Type` or `Type.field` → the departments that define it, read from the supergraphs' @join__type/@join__field. */
export function owners(...supergraphs: string[]): Map<string, Set<string>> {
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
      const typeGraphs = (def.directives ?? [])
        .filter((d) => d.name.value === 'join__type')
        .map(graphOf)
        .filter(Boolean) as string[];
      for (const g of typeGraphs) add(typeName, g);
      const fields = 'fields' in def ? (def.fields ?? []) : 'values' in def ? (def.values ?? []) : [];
      for (const field of fields) {
        const fieldGraphs = (field.directives ?? [])
          .filter((d) => d.name.value === 'join__field')
          .map(graphOf)
          .filter(Boolean) as string[];
        for (const g of fieldGraphs.length ? fieldGraphs : typeGraphs) add(`${typeName}.${field.name.value}`, g);
      }
    }
  }
  return map;
}
