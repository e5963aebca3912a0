import type { QuotaShortfallResolvers } from '../generated/resolvers-types';
import type { PartyMemberDoc } from '../models/PartyMember';

/** A node of `quotaShortfalls`: the member (already loaded) and the year. */
export interface QuotaShortfallParent {
  member: PartyMemberDoc;
  year: number;
}

/** What is missing comes batched per year. */
export const QuotaShortfall = {
  missing: async ({ member, year }, _, { loaders }) => (await loaders.quotaOf(year).load(member._id)).missing,
} satisfies QuotaShortfallResolvers;
