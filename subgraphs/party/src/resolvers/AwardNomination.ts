import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { AwardNominationResolvers } from '../generated/resolvers-types';

export const AwardNomination = {
  ...entityResolvers((ctx: Context) => ctx.loaders.awardNomination),
  branch: (n, _, { loaders }) => loadReferenced(loaders.organization, n.branchId, 'PartyOrganization'),
  member: (n, _, { loaders }) => loadReferenced(loaders.member, n.memberId, 'PartyMember'),
} satisfies AwardNominationResolvers;
