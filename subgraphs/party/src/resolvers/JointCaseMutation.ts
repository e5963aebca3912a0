import type { MutationResolvers } from '../generated/resolvers-types';
import * as steps from '../jointCase/steps';
import type { StepContext } from '../jointCase/engine';
import { submitJointCase } from '../jointCase/submit';
import * as whistle from '../jointCase/whistles';

/** A mutation field that runs a command on the field's arguments, as commands take them: `(ctx, args)`. */
const command =
  <Args, Result>(run: (ctx: StepContext, args: Args) => Result) =>
  (_: unknown, args: Args, ctx: StepContext) =>
    run(ctx, args);
const deferral = (approved: boolean) => command((ctx, args: Parameters<typeof steps.decideDeferral>[1]) => steps.decideDeferral(ctx, args, approved));

/** Mutation fields of the joint response (merged into Mutation in index.ts); the steps live in src/jointCase/. */
export const jointCaseMutations = {
  submitJointCase: (_, { input }, ctx) => submitJointCase(ctx, input),
  dispatchJointCase: command(steps.dispatch),
  acceptJointCaseTask: command(steps.acceptTask),
  returnJointCase: command(steps.returnCase),
  transferJointCase: command(steps.transfer),
  startJointCase: command(steps.start),
  resolveJointCaseTask: command(steps.resolveTask),
  resolveJointCase: command(steps.resolve),
  verifyJointCase: command(steps.verify),
  sendBackJointCase: command(steps.sendBack),
  rateJointCase: command(steps.rate),
  closeJointCase: command(steps.close),
  requestJointCaseDeferral: command(steps.requestDeferral),
  approveJointCaseDeferral: deferral(true),
  rejectJointCaseDeferral: deferral(false),
  resumeJointCase: command(steps.resume),
  markJointCaseDuplicate: command(steps.markDuplicate),
  blowWhistle: command(whistle.blowWhistle),
  reportToWhistle: command(whistle.report),
  rateReportingUnit: command(whistle.rateReport),
  inquireJointCase: command(whistle.inquire),
} satisfies MutationResolvers;
