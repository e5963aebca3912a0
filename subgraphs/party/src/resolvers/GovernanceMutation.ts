import type { MutationResolvers } from '../generated/resolvers-types';
import { escalate, forwardEscalation } from '../escalation/commands';
import { acceptMeetingTask, completeMeetingTask, conveneOnSiteMeeting, createJointMeetingBody, holdJointMeeting } from '../meetings/commands';
import { answerUrge, urge } from '../supervision/commands';

/** Mutation fields of escalation, joint meetings and supervision (merged into Mutation in index.ts). */
export const governanceMutations = {
  escalate: (_, { input }, ctx) => escalate(ctx, input),
  forwardEscalation: (_, { id, reason }, ctx) => forwardEscalation(ctx, id, reason),
  conveneOnSiteMeeting: (_, { input }, ctx) => conveneOnSiteMeeting(ctx, input),
  createJointMeetingBody: (_, { input }, ctx) => createJointMeetingBody(ctx, input),
  holdJointMeeting: (_, { input }, ctx) => holdJointMeeting(ctx, input),
  acceptMeetingTask: (_, { id }, ctx) => acceptMeetingTask(ctx, id),
  completeMeetingTask: (_, { id, note }, ctx) => completeMeetingTask(ctx, id, note),
  urge: (_, { input }, ctx) => urge(ctx, input),
  answerUrge: (_, { id, answer }, ctx) => answerUrge(ctx, id, answer),
} satisfies MutationResolvers;
