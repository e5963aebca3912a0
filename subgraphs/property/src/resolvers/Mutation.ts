import type { Context } from '../context';
import { createOwnersCommittee } from '../committees';
import { createCrossAppointment } from '../crossAppointments';
import { assignFallbackProvider, endEstateManagement } from '../estates';
import { recordEstatePatrol, resolvePatrolIssue } from '../patrols';
import { acceptServiceOrder, cancelServiceOrder, completeServiceOrder, createServiceOrder, dispatchServiceOrder, rateServiceOrder } from '../serviceOrders';

type Input<F extends (ctx: Context, input: any) => unknown> = { input: Parameters<F>[1] };
type Args<F extends (ctx: Context, args: any) => unknown> = Parameters<F>[1];

// Thin: validation and the conditional updates live in the domain modules beside this folder.
export const Mutation = {
  assignFallbackProvider: (_: unknown, { input }: Input<typeof assignFallbackProvider>, ctx: Context) => assignFallbackProvider(ctx, input),
  endEstateManagement: (_: unknown, { input }: Input<typeof endEstateManagement>, ctx: Context) => endEstateManagement(ctx, input),
  createOwnersCommittee: (_: unknown, { input }: Input<typeof createOwnersCommittee>, ctx: Context) => createOwnersCommittee(ctx, input),
  createCrossAppointment: (_: unknown, { input }: Input<typeof createCrossAppointment>, ctx: Context) => createCrossAppointment(ctx, input),
  createServiceOrder: (_: unknown, { input }: Input<typeof createServiceOrder>, ctx: Context) => createServiceOrder(ctx, input),
  dispatchServiceOrder: (_: unknown, args: Args<typeof dispatchServiceOrder>, ctx: Context) => dispatchServiceOrder(ctx, args),
  acceptServiceOrder: (_: unknown, args: Args<typeof acceptServiceOrder>, ctx: Context) => acceptServiceOrder(ctx, args),
  completeServiceOrder: (_: unknown, args: Args<typeof completeServiceOrder>, ctx: Context) => completeServiceOrder(ctx, args),
  rateServiceOrder: (_: unknown, args: Args<typeof rateServiceOrder>, ctx: Context) => rateServiceOrder(ctx, args),
  cancelServiceOrder: (_: unknown, args: Args<typeof cancelServiceOrder>, ctx: Context) => cancelServiceOrder(ctx, args),
  recordEstatePatrol: (_: unknown, { input }: Input<typeof recordEstatePatrol>, ctx: Context) => recordEstatePatrol(ctx, input),
  resolvePatrolIssue: (_: unknown, args: Args<typeof resolvePatrolIssue>, ctx: Context) => resolvePatrolIssue(ctx, args),
};
