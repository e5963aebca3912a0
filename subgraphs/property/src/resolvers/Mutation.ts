import { createOwnersCommittee } from '../committees';
import { createCrossAppointment } from '../crossAppointments';
import { assignFallbackProvider, endEstateManagement } from '../estates';
import type { MutationResolvers } from '../generated/resolvers-types';
import { recordEstatePatrol, resolvePatrolIssue } from '../patrols';
import { raiseServiceOrderFromCase } from '../raised/fromCase';
import { raiseServiceOrderFromPatrolIssue } from '../raised/fromPatrol';
import { acceptServiceOrder, cancelServiceOrder, completeServiceOrder, createServiceOrder, dispatchServiceOrder, rateServiceOrder } from '../serviceOrders';

// Thin: validation and the conditional updates live in the domain modules beside this folder.
export const Mutation = {
  assignFallbackProvider: (_, { input }, ctx) => assignFallbackProvider(ctx, input),
  endEstateManagement: (_, { input }, ctx) => endEstateManagement(ctx, input),
  createOwnersCommittee: (_, { input }, ctx) => createOwnersCommittee(ctx, input),
  createCrossAppointment: (_, { input }, ctx) => createCrossAppointment(ctx, input),
  createServiceOrder: (_, { input }, ctx) => createServiceOrder(ctx, input),
  dispatchServiceOrder: (_, args, ctx) => dispatchServiceOrder(ctx, args),
  acceptServiceOrder: (_, args, ctx) => acceptServiceOrder(ctx, args),
  completeServiceOrder: (_, args, ctx) => completeServiceOrder(ctx, args),
  rateServiceOrder: (_, args, ctx) => rateServiceOrder(ctx, args),
  cancelServiceOrder: (_, args, ctx) => cancelServiceOrder(ctx, args),
  recordEstatePatrol: (_, { input }, ctx) => recordEstatePatrol(ctx, input),
  resolvePatrolIssue: (_, args, ctx) => resolvePatrolIssue(ctx, args),
  raiseServiceOrderFromCase: (_, { input }, ctx) => raiseServiceOrderFromCase(ctx, input),
  raiseServiceOrderFromPatrolIssue: (_, { input }, ctx) => raiseServiceOrderFromPatrolIssue(ctx, input),
} satisfies MutationResolvers;
