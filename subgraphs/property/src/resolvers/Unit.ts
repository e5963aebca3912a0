import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { UnitDoc } from '../models/Unit';

export const Unit = {
  ...entityResolvers((ctx: Context) => ctx.loaders.unit),
  label: async (unit: UnitDoc, _: unknown, { loaders }: Context) => {
    const building = await loaders.building.load(unit.buildingId);
    return `${building?.number ?? ''}${unit.entrance}${unit.room}`;
  },
  building: (unit: UnitDoc, _: unknown, { loaders }: Context) => loaders.building.load(unit.buildingId),
};
