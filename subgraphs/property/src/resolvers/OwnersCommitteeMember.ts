import { reference } from '@cg/kit';
import type { OwnersCommitteeMemberResolvers } from '../generated/resolvers-types';
import type { OwnersCommitteeDoc } from '../models/OwnersCommittee';

/** A member as the committee stores it. */
export type OwnersCommitteeMemberParent = OwnersCommitteeDoc['members'][number];

export const OwnersCommitteeMember = {
  resident: (member) => reference(member.residentId),
} satisfies OwnersCommitteeMemberResolvers;
