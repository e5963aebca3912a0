import type { ApolloServer } from '@apollo/server';

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}
export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Runs an operation in-process through Apollo's whole request pipeline (limits, plans, the departments' rules). */
export async function executeAs<C extends object>(
  apollo: ApolloServer<C>,
  request: OperationRequest,
  contextValue: (done: (clear: () => void) => void) => C,
): Promise<OperationResult> {
  let clear = () => {};
  const context = contextValue((c) => (clear = c));
  try {
    const response = await apollo.executeOperation(request, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
    return response.body.singleResult as OperationResult;
  } finally {
    clear();
  }
}
