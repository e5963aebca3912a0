import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { ResponseUnitDoc } from '../models/ResponseUnit';

/** A unit of the 1+3+N roster (联动单位). */
export const ResponseUnit = {
  ...entityResolvers((ctx: Context) => ctx.loaders.responseUnit),
  community: (u: ResponseUnitDoc) => reference(u.communityId),
};
