import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { VolunteerMemberResolvers } from '../generated/resolvers-types';

export const VolunteerMember = {
  ...entityResolvers((ctx: Context) => ctx.loaders.volunteerMember),
  team: (m, _, { loaders }) => loadReferenced(loaders.volunteerTeam, m.teamId, 'VolunteerTeam'),
  resident: (m, _, { loaders }) => loadReferenced(loaders.resident, m.residentId, 'Resident'),
  partyMember: (m) => reference(m.partyMemberId),
} satisfies VolunteerMemberResolvers;
