import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { UnitRegistrationResolvers } from '../generated/resolvers-types';

export const UnitRegistration = {
  ...entityResolvers((ctx: Context) => ctx.loaders.unitRegistration),
  community: (r) => reference(r.communityId),
  posts: async (r, _, { loaders }) => (await loaders.servicePost.loadMany(r.postIds)).flatMap((p) => (p && !(p instanceof Error) ? [p] : [])),
  jointBuildingUnit: (r, _, { loaders }) => (r.jointBuildingUnitId ? loaders.jointBuildingUnit.load(r.jointBuildingUnitId) : null),
} satisfies UnitRegistrationResolvers;
