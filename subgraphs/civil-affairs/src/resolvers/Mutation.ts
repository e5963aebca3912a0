import { badInput, requireNonBlank, requireRange } from '@cg/kit';
import * as casework from '../casework';
import { actor, type Context } from '../context';
import { applyPoints, requirePointsKey } from '../points';
import * as registration from '../registration';
import * as services from '../services';

type Input = { input: any };

async function pointsRequest(ctx: Context, input: any, kind: 'EARN' | 'SPEND') {
  const idempotencyKey = requirePointsKey(input.idempotencyKey);
  const points = kind === 'EARN' ? requireRange(input.points ?? 1, 'points', 1, 100) : requireRange(input.points, 'points', 1, 1000);
  if (!Number.isInteger(points)) throw badInput('points must be a whole number', { field: 'points' });
  const details = kind === 'EARN'
    ? { activity: requireNonBlank(input.activity, 'activity', 100) }
    : { spentAt: input.spentAt == null ? '合约食堂' : requireNonBlank(input.spentAt, 'spentAt', 100) };
  const resident = await registration.loadResident(ctx, input.residentId);
  return applyPoints(ctx.models, { residentId: resident._id, kind, points, idempotencyKey, by: actor(ctx), ...details });
}

export const Mutation = {
  createGrid: (_: unknown, { input }: Input, ctx: Context) => registration.createGrid(ctx, input),
  registerHousehold: (_: unknown, { input }: Input, ctx: Context) => registration.registerHousehold(ctx, input),
  updateHousehold: (_: unknown, { id, input }: Input & { id: string }, ctx: Context) => registration.updateHousehold(ctx, id, input),
  registerResident: (_: unknown, { input }: Input, ctx: Context) => registration.registerResident(ctx, input),
  updateResident: (_: unknown, { id, input }: Input & { id: string }, ctx: Context) => registration.updateResident(ctx, id, input),

  setVulnerabilityFlags: (_: unknown, args: { residentId: string; flags: any[]; since?: string }, ctx: Context) =>
    casework.setVulnerabilityFlags(ctx, args.residentId, args.flags, args.since),
  grantAssistance: (_: unknown, { input }: Input, ctx: Context) => casework.grantAssistance(ctx, input),
  changeAssistanceStatus: (_: unknown, args: { id: string; status: any; endDate?: string; reason?: string }, ctx: Context) =>
    casework.changeAssistanceStatus(ctx, args.id, args.status, args.endDate, args.reason),
  reportMustGoEvent: (_: unknown, { input }: Input, ctx: Context) => casework.reportMustGoEvent(ctx, input),
  recordVisit: (_: unknown, { input }: Input, ctx: Context) => casework.recordVisit(ctx, input),

  requestProxyService: (_: unknown, { input }: Input, ctx: Context) => services.requestProxyService(ctx, input),
  advanceProxyService: (_: unknown, args: { id: string; status: any; handlerName?: string; note?: string }, ctx: Context) =>
    services.advanceProxyService(ctx, args.id, args.status, args.handlerName, args.note),
  reportDispute: (_: unknown, { input }: Input, ctx: Context) => services.reportDispute(ctx, input),
  advanceDispute: (_: unknown, args: { id: string; status: any; mediatorName?: string; outcome?: string; on?: string }, ctx: Context) =>
    services.advanceDispute(ctx, args.id, args.status, args.mediatorName, args.outcome, args.on),

  earnCivilityPoints: (_: unknown, { input }: Input, ctx: Context) => pointsRequest(ctx, input, 'EARN'),
  spendCivilityPoints: (_: unknown, { input }: Input, ctx: Context) => pointsRequest(ctx, input, 'SPEND'),
};
