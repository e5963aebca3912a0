import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { OwnersCommitteeDoc } from '../models/OwnersCommittee';

export const OwnersCommittee = {
  ...entityResolvers((ctx: Context) => ctx.loaders.ownersCommittee),
  estate: (committee: OwnersCommitteeDoc, _: unknown, { loaders }: Context) => loaders.estate.load(committee.estateId),
  building: (committee: OwnersCommitteeDoc, _: unknown, { loaders }: Context) => (committee.buildingId ? loaders.building.load(committee.buildingId) : null),
  memberCount: (committee: OwnersCommitteeDoc) => committee.members.length,
};
