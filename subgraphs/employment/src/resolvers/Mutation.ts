import { advanceJobApplication, applyForJob } from '../applications';
import { closeJobPosting, createEmployer, createJobPosting } from '../catalog';
import type { Context } from '../context';
import { openWelfareFund, payWelfarePost, recordFundIncome } from '../fund';
import { recordEmploymentStatus } from '../history';
import { completeEnrolment, createTrainingCourse, enrolInCourse, withdrawEnrolment } from '../training';
import { assignWelfarePost, createWelfarePost, vacateWelfarePost } from '../welfarePosts';

/** Thin: each mutation checks its input and writes through the domain module named beside it. */
type WithInput<T = any> = { input: T };

export const Mutation = {
  createEmployer: (_: unknown, { input }: WithInput, ctx: Context) => createEmployer(ctx, input),
  createJobPosting: (_: unknown, { input }: WithInput, ctx: Context) => createJobPosting(ctx, input),
  closeJobPosting: (_: unknown, { id }: { id: string }, ctx: Context) => closeJobPosting(ctx, id),
  applyForJob: (_: unknown, { input }: WithInput, ctx: Context) => applyForJob(ctx, input),
  advanceJobApplication: (_: unknown, { input }: WithInput, ctx: Context) => advanceJobApplication(ctx, input),
  recordEmploymentStatus: (_: unknown, { input }: WithInput, ctx: Context) => recordEmploymentStatus(ctx, input),
  createTrainingCourse: (_: unknown, { input }: WithInput, ctx: Context) => createTrainingCourse(ctx, input),
  enrolInCourse: (_: unknown, { input }: WithInput, ctx: Context) => enrolInCourse(ctx, input),
  completeEnrolment: (_: unknown, { input }: WithInput, ctx: Context) => completeEnrolment(ctx, input),
  withdrawEnrolment: (_: unknown, { id }: { id: string }, ctx: Context) => withdrawEnrolment(ctx, id),
  openWelfareFund: (_: unknown, { input }: WithInput, ctx: Context) => openWelfareFund(ctx, input),
  createWelfarePost: (_: unknown, { input }: WithInput, ctx: Context) => createWelfarePost(ctx, input),
  assignWelfarePost: (_: unknown, { input }: WithInput, ctx: Context) => assignWelfarePost(ctx, input),
  vacateWelfarePost: (_: unknown, { input }: WithInput, ctx: Context) => vacateWelfarePost(ctx, input),
  recordFundIncome: (_: unknown, { input }: WithInput, ctx: Context) => recordFundIncome(ctx, input),
  payWelfarePost: (_: unknown, { input }: WithInput, ctx: Context) => payWelfarePost(ctx, input),
};
