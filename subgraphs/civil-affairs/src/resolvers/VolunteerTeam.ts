import { andFilters, assertId, entityResolvers, fetchById, loadReferenced, paginate, requireRange } from '@cg/kit';
import type { Context } from '../context';
import type { MutationResolvers, QueryResolvers, VolunteerTeamResolvers } from '../generated/resolvers-types';
import type { VolunteerActivityDoc, VolunteerMemberDoc, VolunteerTeamDoc } from '../models/Volunteer';
import { addVolunteerMember, createVolunteerTeam, recordVolunteerActivity } from '../volunteers/commands';
import { sweepCredits } from '../volunteers/credits';
import { requireVolunteerYear, volunteerTotals } from '../volunteers/totals';

export const VolunteerTeam = {
  ...entityResolvers((ctx: Context) => ctx.loaders.volunteerTeam),
  community: (team, _, { loaders }) => loadReferenced(loaders.community, team.communityId, 'Community'),
  memberCount: (team, _, { models }) => models.VolunteerMember.countDocuments({ teamId: team._id }).exec(),
  members: (team, page, { models }) => paginate<VolunteerMemberDoc>(models.VolunteerMember, { teamId: team._id }, { joinedOn: 1 }, page),
  activities: (team, { year, ...page }, { models }) =>
    paginate<VolunteerActivityDoc>(models.VolunteerActivity, { teamId: team._id, year: requireVolunteerYear(year) }, { heldOn: -1 }, page),
  totals: (team, { period }, { models }) => volunteerTotals(models, 'teamId', team._id, period),
} satisfies VolunteerTeamResolvers;

/** Query fields of 志愿服务 (merged into Query in index.ts); lists hold only rows in the caller's scope. */
export const volunteerQueries = {
  volunteerTeam: fetchById((ctx: Context) => ctx.loaders.volunteerTeam),
  volunteerTeams: (_, { communityId, ...page }, ctx) =>
    paginate<VolunteerTeamDoc>(ctx.models.VolunteerTeam, andFilters({ communityId: assertId(communityId, 'communityId') }, ctx.scopeFilter('VolunteerTeam')), { name: 1 }, page),
  volunteerActivity: fetchById((ctx: Context) => ctx.loaders.volunteerActivity),
} satisfies QueryResolvers;

export const volunteerMutations = {
  createVolunteerTeam: (_, { input }, ctx) => createVolunteerTeam(ctx, input),
  addVolunteerMember: (_, { input }, ctx) => addVolunteerMember(ctx, input),
  recordVolunteerActivity: (_, { input }, ctx) => recordVolunteerActivity(ctx, input),
  retryVolunteerCredits: (_, { limit }, ctx) => sweepCredits(ctx.models, ctx.peers, requireRange(limit ?? 100, 'limit', 1, 200)),
} satisfies MutationResolvers;
