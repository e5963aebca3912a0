import { AUDIT_COLLECTION } from '../audit';
import { NONCE_COLLECTION } from '../shared-state';
import type { Stack } from './stack';

interface GraphQLErrorBody {
  message?: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/**
 * Asserts that a response's first error carries `code` (and `field`, when given) and returns its extensions.
 * Compared as one object so that a failure shows the message that came back.
 */
export function expectError(result: { errors?: readonly GraphQLErrorBody[] }, code: string, field?: string): NonNullable<GraphQLErrorBody['extensions']> {
  const error = result.errors?.[0];
  expect({ code: error?.extensions?.code, field: field ? error?.extensions?.field : undefined, message: error?.message }).toEqual({
    code,
    field,
    message: expect.any(String),
  });
  return error!.extensions!;
}

/**
 * Records written by every request, refused or not, by design: access records (kit/src/audit.ts) and the nonces of
 * signed requests (kit/src/shared-state.ts). "Changed nothing" leaves them out.
 */
export const BOOKKEEPING_COLLECTIONS: ReadonlySet<string> = new Set([AUDIT_COLLECTION, NONCE_COLLECTION]);

/**
 * Every document of every collection of the stack's departments (all, or `departments`), bookkeeping aside, in a
 * fixed order: equal before and after proves that a refused call changed nothing.
 */
export async function snapshot(stack: Pick<Stack, 'departments'>, departments: string[] = Object.keys(stack.departments)): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  for (const name of departments) {
    const db = stack.departments[name]?.connection.db;
    if (!db) throw new Error(`department ${name} is not running in this stack`);
    const collections = (await db.listCollections().toArray())
      .map((c) => c.name)
      .filter((c) => !BOOKKEEPING_COLLECTIONS.has(c))
      .sort();
    for (const c of collections) {
      const docs = await db.collection(c).find().sort({ _id: 1 }).toArray();
      // An empty collection is no change: a refused write may still create one (e.g. the lock collection of withLock).
      if (docs.length) dump[`${name}.${c}`] = docs;
    }
  }
  return JSON.stringify(dump);
}
