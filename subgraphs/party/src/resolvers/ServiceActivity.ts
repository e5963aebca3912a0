import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { ServiceActivityResolvers } from '../generated/resolvers-types';

export const ServiceActivity = {
  ...entityResolvers((ctx: Context) => ctx.loaders.serviceActivity),
  member: (a, _, { loaders }) => loadReferenced(loaders.member, a.memberId, 'PartyMember'),
  household: (a) => reference(a.householdId),
} satisfies ServiceActivityResolvers;
