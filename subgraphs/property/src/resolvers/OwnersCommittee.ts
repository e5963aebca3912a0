import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { OwnersCommitteeResolvers } from '../generated/resolvers-types';

export const OwnersCommittee = {
  ...entityResolvers((ctx: Context) => ctx.loaders.ownersCommittee),
  estate: (committee, _, { loaders }) => loadReferenced(loaders.estate, committee.estateId, 'Estate'),
  building: (committee, _, { loaders }) => (committee.buildingId ? loaders.building.load(committee.buildingId) : null),
  memberCount: (committee) => committee.members.length,
} satisfies OwnersCommitteeResolvers;
