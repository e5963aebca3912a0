import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { UnitResolvers } from '../generated/resolvers-types';
import { archiveInfo } from '../masterData/common';

export const Unit = {
  ...entityResolvers((ctx: Context) => ctx.loaders.unit),
  label: async (unit, _, { loaders }) => {
    const building = await loaders.building.load(unit.buildingId);
    return `${building?.number ?? ''}${unit.entrance}${unit.room}`;
  },
  building: (unit, _, { loaders }) => loadReferenced(loaders.building, unit.buildingId, 'Building'),
  archived: (doc) => archiveInfo(doc),
} satisfies UnitResolvers;
