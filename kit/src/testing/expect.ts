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
  const databases = departments.map((name) => {
    const db = stack.departments[name]?.connection.db;
    if (!db) throw new Error(`department ${name} is not running in this stack`);
    return { name, db };
  });
  // Every collection at once, sorted here: FerretDB v1 sorts in Go over the whole collection anyway, and reads in
  // parallel keep both it and PostgreSQL busy. Most refusal tests take two snapshots per refused call.
  const collections = await Promise.all(
    databases.map(async ({ name, db }) =>
      Promise.all(
        (await db.listCollections().toArray())
          .map((c) => c.name)
          .filter((c) => !BOOKKEEPING_COLLECTIONS.has(c))
          .sort()
          .map(async (c) => [`${name}.${c}`, byId(await db.collection(c).find().toArray())] as const),
      ),
    ),
  );
  // An empty collection is no change: a refused write may still create one (e.g. the lock collection of withLock).
  return JSON.stringify(Object.fromEntries(collections.flat().filter(([, docs]) => docs.length)));
}

/** Documents in a fixed order whatever order the server returned them in: by `_id`, its type first (ids are unique). */
function byId<T extends { _id: unknown }>(docs: T[]): T[] {
  const key = ({ _id: id }: T) => `${id !== null && typeof id === 'object' ? id.constructor.name : typeof id}:${JSON.stringify(id)}`;
  return docs
    .map((doc) => [key(doc), doc] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, doc]) => doc);
}
