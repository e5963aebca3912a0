import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { BuildingDoc } from '../models/Building';

export const Building = {
  ...entityResolvers((ctx: Context) => ctx.loaders.building),
  estate: (building: BuildingDoc, _: unknown, { loaders }: Context) => loaders.estate.load(building.estateId),
  grid: (building: BuildingDoc) => reference(building.gridId),
  units: (building: BuildingDoc, _: unknown, { loaders }: Context) => loaders.unitsByBuilding.load(building._id),
};
