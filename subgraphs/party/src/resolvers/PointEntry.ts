import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { PointEntryResolvers } from '../generated/resolvers-types';

export const PointEntry = {
  ...entityResolvers((ctx: Context) => ctx.loaders.pointEntry),
  member: (entry, _, { loaders }) => loadReferenced(loaders.member, entry.memberId, 'PartyMember'),
  createdAt: (entry) => new Date(entry.createdAt!).toISOString(),
} satisfies PointEntryResolvers;
