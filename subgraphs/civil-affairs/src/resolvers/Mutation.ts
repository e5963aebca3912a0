import { actor, badInput, requireNonBlank, requireRange } from '@cg/kit';
import * as casework from '../casework';
import type { Context } from '../context';
import type { EarnCivilityPointsInput, MutationResolvers, SpendCivilityPointsInput } from '../generated/resolvers-types';
import { applyPoints, requirePointsKey } from '../points';
import * as registration from '../registration';
import * as services from '../services';
import { grantCivilityAward } from '../statistics/awards';

type PointsRequest = { kind: 'EARN'; input: EarnCivilityPointsInput } | { kind: 'SPEND'; input: SpendCivilityPointsInput };

async function pointsRequest(ctx: Context, request: PointsRequest) {
  const { kind, input } = request;
  const idempotencyKey = requirePointsKey(input.idempotencyKey);
  const points = request.kind === 'EARN' ? requireRange(request.input.points ?? 1, 'points', 1, 100) : requireRange(request.input.points, 'points', 1, 1000);
  if (!Number.isInteger(points)) throw badInput('points must be a whole number', { field: 'points' });
  const details =
    request.kind === 'EARN'
      ? { activity: requireNonBlank(request.input.activity, 'activity', 100) }
      : { spentAt: request.input.spentAt == null ? '合约食堂' : requireNonBlank(request.input.spentAt, 'spentAt', 100) };
  const resident = await registration.loadResident(ctx, input.residentId);
  return applyPoints(ctx.models, { residentId: resident._id, gridId: resident.gridId, kind, points, idempotencyKey, by: actor(ctx), ...details });
}

export const Mutation = {
  createGrid: (_, { input }, ctx) => registration.createGrid(ctx, input),
  registerHousehold: (_, { input }, ctx) => registration.registerHousehold(ctx, input),
  updateHousehold: (_, { id, input }, ctx) => registration.updateHousehold(ctx, id, input),
  registerResident: (_, { input }, ctx) => registration.registerResident(ctx, input),
  updateResident: (_, { id, input }, ctx) => registration.updateResident(ctx, id, input),

  setVulnerabilityFlags: (_, args, ctx) => casework.setVulnerabilityFlags(ctx, args),
  grantAssistance: (_, { input }, ctx) => casework.grantAssistance(ctx, input),
  changeAssistanceStatus: (_, args, ctx) => casework.changeAssistanceStatus(ctx, args),
  reportMustGoEvent: (_, { input }, ctx) => casework.reportMustGoEvent(ctx, input),
  recordVisit: (_, { input }, ctx) => casework.recordVisit(ctx, input),

  requestProxyService: (_, { input }, ctx) => services.requestProxyService(ctx, input),
  advanceProxyService: (_, args, ctx) => services.advanceProxyService(ctx, args),
  reportDispute: (_, { input }, ctx) => services.reportDispute(ctx, input),
  advanceDispute: (_, args, ctx) => services.advanceDispute(ctx, args),

  earnCivilityPoints: (_, { input }, ctx) => pointsRequest(ctx, { kind: 'EARN', input }),
  spendCivilityPoints: (_, { input }, ctx) => pointsRequest(ctx, { kind: 'SPEND', input }),
  grantCivilityAward: (_, { input }, ctx) => grantCivilityAward(ctx, input),
} satisfies MutationResolvers;
