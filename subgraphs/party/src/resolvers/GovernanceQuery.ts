import { andFilters, assertId, fetchById, paginate, trusted } from '@cg/kit';
import type { Context } from '../context';
import type { EscalationFilter, MeetingFilter, MeetingTaskFilter, QueryResolvers, UrgeFilter } from '../generated/resolvers-types';
import type { EscalationDoc } from '../models/Escalation';
import type { JointMeetingBodyDoc } from '../models/JointMeetingBody';
import type { MeetingDoc } from '../models/Meeting';
import type { MeetingTaskDoc } from '../models/MeetingTask';
import type { UrgeDoc } from '../models/Urge';
import { overdueDigest } from '../supervision/digest';

/** Filters are top-level equalities on indexed fields (`overdue` adds a range on dueAt finished in the database). */
function escalationFilter(f: EscalationFilter): Record<string, unknown> {
  return {
    ...(f.communityId != null ? { communityId: assertId(f.communityId, 'filter.communityId') } : {}),
    ...(f.caseId != null ? { caseId: assertId(f.caseId, 'filter.caseId') } : {}),
    ...(f.level ? { level: f.level } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}
function meetingFilter(f: MeetingFilter): Record<string, unknown> {
  return {
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.bodyId != null ? { bodyId: assertId(f.bodyId, 'filter.bodyId') } : {}),
    ...(f.escalationId != null ? { escalationId: assertId(f.escalationId, 'filter.escalationId') } : {}),
    ...(f.communityId != null ? { communityIds: assertId(f.communityId, 'filter.communityId') } : {}),
  };
}
function taskFilter(f: MeetingTaskFilter): Record<string, unknown> {
  return {
    ...(f.unitId != null ? { unitId: assertId(f.unitId, 'filter.unitId') } : {}),
    ...(f.meetingId != null ? { meetingId: assertId(f.meetingId, 'filter.meetingId') } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.overdue ? { status: f.status ?? trusted({ $in: ['PENDING', 'ACCEPTED'] }), dueAt: trusted({ $lt: new Date() }) } : {}),
  };
}
function urgeFilter(f: UrgeFilter): Record<string, unknown> {
  return {
    ...(f.targetId != null ? { targetId: assertId(f.targetId, 'filter.targetId') } : {}),
    ...(f.unitId != null ? { unitId: assertId(f.unitId, 'filter.unitId') } : {}),
    ...(f.communityId != null ? { communityId: assertId(f.communityId, 'filter.communityId') } : {}),
  };
}

/** Query fields of escalation, joint meetings and supervision (merged into Query in index.ts). */
export const governanceQueries = {
  escalation: fetchById((ctx: Context) => ctx.loaders.escalation),
  escalations: (_, args, ctx) =>
    paginate<EscalationDoc>(ctx.models.Escalation, andFilters(escalationFilter(args.filter ?? {}), ctx.scopeFilter('Escalation')), { escalatedAt: -1 }, args),
  jointMeetingBody: fetchById((ctx: Context) => ctx.loaders.jointMeetingBody),
  jointMeetingBodies: (_, args, { models }) =>
    paginate<JointMeetingBodyDoc>(models.JointMeetingBody, args.communityId != null ? { communityIds: assertId(args.communityId, 'communityId') } : {}, { name: 1 }, args),
  meeting: fetchById((ctx: Context) => ctx.loaders.meeting),
  meetings: (_, args, { models }) => paginate<MeetingDoc>(models.Meeting, meetingFilter(args.filter ?? {}), { heldAt: -1 }, args),
  meetingTasks: (_, args, { models }) => paginate<MeetingTaskDoc>(models.MeetingTask, taskFilter(args.filter ?? {}), { dueAt: 1 }, args),
  urges: (_, args, ctx) => paginate<UrgeDoc>(ctx.models.Urge, andFilters(urgeFilter(args.filter ?? {}), ctx.scopeFilter('Urge')), { urgedAt: -1 }, args),
  overdueDigest: (_, { unitId, date }, ctx) => overdueDigest(ctx, unitId, date),
} satisfies QueryResolvers;
