import { reference } from '@cg/kit';

export const OwnersCommitteeMember = {
  resident: (member: { residentId: string }) => reference(member.residentId),
};
