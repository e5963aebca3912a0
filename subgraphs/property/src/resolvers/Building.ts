import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { BuildingResolvers } from '../generated/resolvers-types';
import { archiveInfo } from '../masterData/common';

export const Building = {
  ...entityResolvers((ctx: Context) => ctx.loaders.building),
  estate: (building, _, { loaders }) => loadReferenced(loaders.estate, building.estateId, 'Estate'),
  grid: (building) => reference(building.gridId),
  units: (building, page, { loaders }) => loaders.unitsByBuilding(building._id, page),
  archived: (doc) => archiveInfo(doc),
} satisfies BuildingResolvers;
