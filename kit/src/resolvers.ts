import { GraphQLError } from 'graphql';
import type DataLoader from 'dataloader';
import { assertId } from './ids';

/**
 * The two resolvers every owned entity needs: `__resolveReference` through the request's DataLoader
 * (only a well-formed id is accepted) and `id` from the document's `_id`.
 */
export function entityResolvers<Ctx, T>(loader: (ctx: Ctx) => DataLoader<string, T>) {
  return {
    __resolveReference: (reference: { id: unknown }, ctx: Ctx) => loader(ctx).load(assertId(reference.id)),
    id: (doc: { _id: string }) => doc._id,
  };
}

/** An entity another department owns, or that this department only extends: federation resolves it by id. */
export function reference(id: string): { id: string };
export function reference(id: string | null | undefined): { id: string } | null;
export function reference(id: string | null | undefined): { id: string } | null {
  return id ? { id } : null;
}

/** `__resolveReference` for a type this department extends but does not own: the reference itself suffices. */
export const extendedEntity = {
  __resolveReference: (reference: { id: unknown }) => ({ id: assertId(reference.id) }),
};

/** A root `thing(id: ID!)` field answered through the request's DataLoader; `null` when there is none. */
export function fetchById<Ctx, T>(loader: (ctx: Ctx) => DataLoader<string, T>) {
  return (_: unknown, args: { id: unknown }, ctx: Ctx) => loader(ctx).load(assertId(args.id));
}

/**
 * A document another one refers to by a required id (a non-null relation such as `Visit.resident`). A missing one is
 * a broken reference inside the department's own data, answered as an internal error at that field.
 */
export async function loadReferenced<T>(loader: DataLoader<string, T | null>, id: string, type: string): Promise<T> {
  const doc = await loader.load(id);
  if (doc == null) throw new GraphQLError(`${type} ${id} is referred to but missing`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  return doc;
}
