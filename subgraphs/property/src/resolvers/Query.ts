import { fetchById } from '@cg/kit';
import type { Context } from '../context';

export const Query = {
  propertyCompanies: (_: unknown, __: unknown, { models }: Context) => models.PropertyCompany.find().sort({ name: 1 }).lean(),
  estates: (_: unknown, __: unknown, { models }: Context) => models.Estate.find().sort({ name: 1 }).lean(),
  estate: fetchById((ctx: Context) => ctx.loaders.estate),
  building: fetchById((ctx: Context) => ctx.loaders.building),
  unit: fetchById((ctx: Context) => ctx.loaders.unit),
};
