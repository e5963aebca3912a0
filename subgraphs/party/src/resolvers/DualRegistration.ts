import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { DualRegistrationResolvers } from '../generated/resolvers-types';

export const DualRegistration = {
  ...entityResolvers((ctx: Context) => ctx.loaders.dualRegistration),
  member: (r, _, { loaders }) => loadReferenced(loaders.member, r.memberId, 'PartyMember'),
  community: (r) => reference(r.communityId),
} satisfies DualRegistrationResolvers;
