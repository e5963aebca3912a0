import { advanceJobApplication, applyForJob } from '../applications';
import { closeJobPosting, createEmployer, createJobPosting } from '../catalog';
import { openWelfareFund, payWelfarePost, recordFundIncome } from '../fund';
import type { MutationResolvers } from '../generated/resolvers-types';
import { recordEmploymentStatus } from '../history';
import { completeEnrolment, createTrainingCourse, enrolInCourse, withdrawEnrolment } from '../training';
import { assignWelfarePost, createWelfarePost, vacateWelfarePost } from '../welfarePosts';

/** Thin: each mutation checks its input and writes through the domain module named beside it. */
export const Mutation = {
  createEmployer: (_, { input }, ctx) => createEmployer(ctx, input),
  createJobPosting: (_, { input }, ctx) => createJobPosting(ctx, input),
  closeJobPosting: (_, { id }, ctx) => closeJobPosting(ctx, id),
  applyForJob: (_, { input }, ctx) => applyForJob(ctx, input),
  advanceJobApplication: (_, { input }, ctx) => advanceJobApplication(ctx, input),
  recordEmploymentStatus: (_, { input }, ctx) => recordEmploymentStatus(ctx, input),
  createTrainingCourse: (_, { input }, ctx) => createTrainingCourse(ctx, input),
  enrolInCourse: (_, { input }, ctx) => enrolInCourse(ctx, input),
  completeEnrolment: (_, { input }, ctx) => completeEnrolment(ctx, input),
  withdrawEnrolment: (_, { id }, ctx) => withdrawEnrolment(ctx, id),
  openWelfareFund: (_, { input }, ctx) => openWelfareFund(ctx, input),
  createWelfarePost: (_, { input }, ctx) => createWelfarePost(ctx, input),
  assignWelfarePost: (_, { input }, ctx) => assignWelfarePost(ctx, input),
  vacateWelfarePost: (_, { input }, ctx) => vacateWelfarePost(ctx, input),
  recordFundIncome: (_, { input }, ctx) => recordFundIncome(ctx, input),
  payWelfarePost: (_, { input }, ctx) => payWelfarePost(ctx, input),
} satisfies MutationResolvers;
