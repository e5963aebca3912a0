import type { Context } from '../context';
import * as steps from '../jointCase/steps';
import { submitJointCase, type SubmitInput } from '../jointCase/submit';
import * as whistle from '../jointCase/whistles';

/** Mutation fields of the joint response (merged into Mutation in index.ts); the logic lives in src/. */
type Args = any;
export const jointCaseMutations = {
  submitJointCase: (_: unknown, { input }: { input: SubmitInput }, ctx: Context) => submitJointCase(ctx, input),
  dispatchJointCase: (_: unknown, args: Args, ctx: Context) => steps.dispatch(ctx, args),
  acceptJointCaseTask: (_: unknown, args: Args, ctx: Context) => steps.acceptTask(ctx, args),
  returnJointCase: (_: unknown, args: Args, ctx: Context) => steps.returnCase(ctx, args),
  transferJointCase: (_: unknown, args: Args, ctx: Context) => steps.transfer(ctx, args),
  startJointCase: (_: unknown, args: Args, ctx: Context) => steps.start(ctx, args),
  resolveJointCaseTask: (_: unknown, args: Args, ctx: Context) => steps.resolveTask(ctx, args),
  resolveJointCase: (_: unknown, args: Args, ctx: Context) => steps.resolve(ctx, args),
  verifyJointCase: (_: unknown, args: Args, ctx: Context) => steps.verify(ctx, args),
  sendBackJointCase: (_: unknown, args: Args, ctx: Context) => steps.sendBack(ctx, args),
  rateJointCase: (_: unknown, args: Args, ctx: Context) => steps.rate(ctx, args),
  closeJointCase: (_: unknown, args: Args, ctx: Context) => steps.close(ctx, args),
  requestJointCaseDeferral: (_: unknown, args: Args, ctx: Context) => steps.requestDeferral(ctx, args),
  approveJointCaseDeferral: (_: unknown, args: Args, ctx: Context) => steps.decideDeferral(ctx, args, true),
  rejectJointCaseDeferral: (_: unknown, args: Args, ctx: Context) => steps.decideDeferral(ctx, args, false),
  resumeJointCase: (_: unknown, args: Args, ctx: Context) => steps.resume(ctx, args),
  markJointCaseDuplicate: (_: unknown, args: Args, ctx: Context) => steps.markDuplicate(ctx, args),
  blowWhistle: (_: unknown, args: Args, ctx: Context) => whistle.blowWhistle(ctx, args),
  reportToWhistle: (_: unknown, args: Args, ctx: Context) => whistle.report(ctx, args),
  rateReportingUnit: (_: unknown, args: Args, ctx: Context) => whistle.rateReport(ctx, args),
  inquireJointCase: (_: unknown, args: Args, ctx: Context) => whistle.inquire(ctx, args),
};
