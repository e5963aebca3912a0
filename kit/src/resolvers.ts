import type DataLoader from 'dataloader';
import { assertId } from './ids';

/**
 * The two resolvers every owned entity needs: `__resolveReference` through the request's DataLoader
 * (only a well-formed id is accepted) and `id` from the document's `_id`.
 */
export function entityResolvers<Ctx>(loader: (ctx: Ctx) => DataLoader<string, any>) {
  return {
    __resolveReference: (reference: { id: unknown }, ctx: Ctx) => loader(ctx).load(assertId(reference.id)),
    id: (doc: { _id: string }) => doc._id,
  };
}

/** An entity another department owns, or that this department only extends: federation resolves it by id. */
export const reference = (id: string | null | undefined) => (id ? { id } : null);

/** `__resolveReference` for a type this department extends but does not own: the reference itself suffices. */
export const extendedEntity = {
  __resolveReference: (reference: { id: unknown }) => ({ id: assertId(reference.id) }),
};

/** A root `thing(id: ID!)` field answered through the request's DataLoader; `null` when there is none. */
export function fetchById<Ctx>(loader: (ctx: Ctx) => DataLoader<string, any>) {
  return (_: unknown, args: { id: unknown }, ctx: Ctx) => loader(ctx).load(assertId(args.id));
}
