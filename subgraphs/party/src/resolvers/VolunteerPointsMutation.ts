import type { MutationResolvers } from '../generated/resolvers-types';
import { creditVolunteerPoints } from '../commands/volunteerPoints';

/** 志愿服务积分, credited by civil affairs (merged into Mutation in index.ts). */
export const volunteerPointMutations = {
  creditVolunteerPoints: (_, { input }, ctx) => creditVolunteerPoints(ctx, input),
} satisfies MutationResolvers;
