import { fetchById } from '@cg/kit';
import type { Context } from '../context';

export const Query = {
  communities: (_: unknown, __: unknown, { models }: Context) => models.Community.find().sort({ name: 1 }).lean(),
  community: fetchById((ctx: Context) => ctx.loaders.community),
  grid: fetchById((ctx: Context) => ctx.loaders.grid),
  household: fetchById((ctx: Context) => ctx.loaders.household),
  resident: fetchById((ctx: Context) => ctx.loaders.resident),
};
