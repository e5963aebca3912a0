import type { Context } from '../context';
import type { PartyMemberDoc } from '../models/PartyMember';

/** A node of `quotaShortfalls`: the member (already loaded) and the year; what is missing comes batched. */
export const QuotaShortfall = {
  missing: async ({ member, year }: { member: PartyMemberDoc; year: number }, _: unknown, { loaders }: Context) =>
    (await loaders.quotaOf(year).load(member._id)).missing,
};
