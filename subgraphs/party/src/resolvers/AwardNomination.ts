import { entityResolvers } from '@cg/kit';
import type { Context } from '../context';
import type { AwardNominationDoc } from '../models/AwardNomination';

export const AwardNomination = {
  ...entityResolvers((ctx: Context) => ctx.loaders.awardNomination),
  branch: (n: AwardNominationDoc, _: unknown, { loaders }: Context) => loaders.organization.load(n.branchId),
  member: (n: AwardNominationDoc, _: unknown, { loaders }: Context) => loaders.member.load(n.memberId),
};
