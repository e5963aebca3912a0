import type { MutationResolvers } from '../generated/resolvers-types';
import * as steps from '../jointCase/steps';
import { submitJointCase } from '../jointCase/submit';
import * as whistle from '../jointCase/whistles';

/** Mutation fields of the joint response (merged into Mutation in index.ts); the steps live in src/jointCase/. */
export const jointCaseMutations = {
  submitJointCase: (_, { input }, ctx) => submitJointCase(ctx, input),
  dispatchJointCase: (_, args, ctx) => steps.dispatch(ctx, args),
  acceptJointCaseTask: (_, args, ctx) => steps.acceptTask(ctx, args),
  returnJointCase: (_, args, ctx) => steps.returnCase(ctx, args),
  transferJointCase: (_, args, ctx) => steps.transfer(ctx, args),
  startJointCase: (_, args, ctx) => steps.start(ctx, args),
  resolveJointCaseTask: (_, args, ctx) => steps.resolveTask(ctx, args),
  resolveJointCase: (_, args, ctx) => steps.resolve(ctx, args),
  verifyJointCase: (_, args, ctx) => steps.verify(ctx, args),
  sendBackJointCase: (_, args, ctx) => steps.sendBack(ctx, args),
  rateJointCase: (_, args, ctx) => steps.rate(ctx, args),
  closeJointCase: (_, args, ctx) => steps.close(ctx, args),
  requestJointCaseDeferral: (_, args, ctx) => steps.requestDeferral(ctx, args),
  approveJointCaseDeferral: (_, args, ctx) => steps.decideDeferral(ctx, args, true),
  rejectJointCaseDeferral: (_, args, ctx) => steps.decideDeferral(ctx, args, false),
  resumeJointCase: (_, args, ctx) => steps.resume(ctx, args),
  markJointCaseDuplicate: (_, args, ctx) => steps.markDuplicate(ctx, args),
  blowWhistle: (_, args, ctx) => whistle.blowWhistle(ctx, args),
  reportToWhistle: (_, args, ctx) => whistle.report(ctx, args),
  rateReportingUnit: (_, args, ctx) => whistle.rateReport(ctx, args),
  inquireJointCase: (_, args, ctx) => whistle.inquire(ctx, args),
} satisfies MutationResolvers;
