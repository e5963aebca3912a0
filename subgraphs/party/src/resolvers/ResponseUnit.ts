import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { ResponseUnitResolvers } from '../generated/resolvers-types';
import { archiveInfo } from '../commands/roster';

/** A unit of the 1+3+N roster (联动单位). */
export const ResponseUnit = {
  ...entityResolvers((ctx: Context) => ctx.loaders.responseUnit),
  community: (u) => reference(u.communityId),
  archived: (u) => archiveInfo(u),
} satisfies ResponseUnitResolvers;
