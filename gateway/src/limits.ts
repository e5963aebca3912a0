import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * Rejects operations nested deeper than GATEWAY_MAX_DEPTH (default 15; the README's example query is 11 deep).
 * Without it one request such as `grid { community { grids { community { grids … } } } }` 12 levels deep
 * multiplies every level's list and exhausts the gateway's heap (found by bench/fault-hostile.ts).
 */
export function maxDepthRule(max = Number(process.env.GATEWAY_MAX_DEPTH ?? 15)) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      let deepest = 0;
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FIELD) deepest = Math.max(deepest, s.selectionSet ? 1 + depthOf(s.selectionSet, seen) : 1);
        else if (s.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(s.selectionSet, seen));
        else if (!seen.has(s.name.value)) {
          deepest = Math.max(deepest, depthOf(fragments.get(s.name.value)?.selectionSet, new Set([...seen, s.name.value])));
        }
        if (deepest > max) return deepest; // stop early: the answer is already "too deep"
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) context.reportError(new GraphQLError(`The operation is nested deeper than ${max} levels.`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT', maxDepth: max } }));
      },
    };
  };
}

/**
 * An operationName that names no operation in the document is the client's mistake (400), but the gateway's
 * planner throws it as a 500; answer it before planning (found by bench/fault-hostile.ts).
 */
export const unknownOperationIs400: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide an operation.';
        throw new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      },
    };
  },
};
