import { actor, assertId, conflict, createOnce, notFound, optionalText, requireNonBlank, requireRange, withLock } from '@cg/kit';
import type { Context } from './context';
import type {
  CreateServiceOrderInput,
  MutationAcceptServiceOrderArgs,
  MutationCancelServiceOrderArgs,
  MutationCompleteServiceOrderArgs,
  MutationDispatchServiceOrderArgs,
  MutationRateServiceOrderArgs,
} from './generated/resolvers-types';
import type { ServiceOrderDoc } from './models/ServiceOrder';
import { requireBuilding, requireCompany, requireEstate, requireUnit } from './references';
import { canTake, STEPS, type ServiceOrderAction } from './serviceOrderFlow';

/** 群众点单: the unit is ours; the reporter must exist at civil affairs (asked through federation). */
export async function createServiceOrder(ctx: Context, input: CreateServiceOrderInput): Promise<ServiceOrderDoc> {
  const reporterId = assertId(input.reporterId, 'reporterId');
  const unitId = assertId(input.unitId, 'unitId');
  const description = requireNonBlank(input.description, 'description', 2000);
  const unit = await requireUnit(ctx, unitId);
  const building = await requireBuilding(ctx, unit.buildingId);
  await ctx.peers.requireEntities('civil-affairs', 'Resident', [reporterId], 'reporterId');
  const at = new Date().toISOString();
  const by = actor(ctx);
  const { doc } = await createOnce<ServiceOrderDoc>(
    ctx.models.ServiceOrder,
    {
      category: input.category,
      description,
      status: 'ORDERED',
      reporterId,
      unitId,
      estateId: building.estateId,
      orderedAt: at,
      history: [{ from: null, to: 'ORDERED', party: 'RESIDENT', actor: by, at }],
    },
    { idempotencyKey: input.idempotencyKey, caller: by, input: { reporterId, unitId, category: input.category, description } },
  );
  return doc;
}

const PAST: Record<ServiceOrderAction, string> = { dispatch: 'dispatched', accept: 'accepted', complete: 'completed', rate: 'rated', cancel: 'cancelled' };
const illegal = (action: ServiceOrderAction, status: string) => conflict(`a service order that is ${status} cannot be ${PAST[action]}`, { field: 'id', status, action });

/**
 * Applies one lifecycle step as ONE conditional update: the filter names the status just read, so a concurrent
 * step makes this update match nothing; then the order is read again and the step re-judged (two accepts at
 * once: exactly one wins, the other gets CONFLICT). An illegal step changes nothing.
 */
async function takeStep(ctx: Context, rawId: string, action: ServiceOrderAction, set: Record<string, unknown>, note?: string): Promise<ServiceOrderDoc> {
  const id = assertId(rawId, 'id');
  return withLock(ctx.models.ServiceOrder.db, `service_orders:${id}`, () => applyStep(ctx, id, action, set, note));
}

async function applyStep(ctx: Context, id: string, action: ServiceOrderAction, set: Record<string, unknown>, note?: string): Promise<ServiceOrderDoc> {
  const step = STEPS[action];
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = (await ctx.models.ServiceOrder.findById(id).lean()) as ServiceOrderDoc | null;
    if (!order) throw notFound('ServiceOrder', id, 'id');
    if (!canTake(action, order.status)) throw illegal(action, order.status);
    const at = new Date().toISOString();
    const entry = { from: order.status, to: step.to, party: step.party, actor: actor(ctx), at, note };
    const updated = await ctx.models.ServiceOrder.findOneAndUpdate(
      { _id: id, status: order.status },
      { $set: { ...set, status: step.to, [step.stamp]: at }, $push: { history: entry } },
      { returnDocument: 'after' },
    ).lean();
    if (updated) return updated as ServiceOrderDoc;
  }
  throw conflict('the service order keeps changing; try again', { field: 'id' });
}

/** 社区派单 to the named company, or to the company managing the order's estate. */
export async function dispatchServiceOrder(ctx: Context, args: MutationDispatchServiceOrderArgs) {
  const note = optionalText(args.note, 'note');
  const order = await ctx.loaders.serviceOrder.load(assertId(args.id, 'id'));
  if (!order) throw notFound('ServiceOrder', args.id, 'id');
  let companyId = args.propertyCompanyId == null ? undefined : assertId(args.propertyCompanyId, 'propertyCompanyId');
  if (companyId) await requireCompany(ctx, companyId);
  else {
    companyId = (await requireEstate(ctx, order.estateId)).propertyCompanyId ?? undefined;
    if (!companyId) throw conflict('the estate has no property company: assign the fallback provider (兜底物业) or name a company', { field: 'propertyCompanyId' });
  }
  return takeStep(ctx, args.id, 'dispatch', { propertyCompanyId: companyId }, note);
}

export const acceptServiceOrder = (ctx: Context, args: MutationAcceptServiceOrderArgs) => takeStep(ctx, args.id, 'accept', {}, optionalText(args.note, 'note'));

export const completeServiceOrder = (ctx: Context, args: MutationCompleteServiceOrderArgs) => takeStep(ctx, args.id, 'complete', {}, optionalText(args.note, 'note'));

/** 评单: 1 (very dissatisfied) to 5 (very satisfied). */
export function rateServiceOrder(ctx: Context, args: MutationRateServiceOrderArgs) {
  const rating = requireRange(args.rating, 'rating', 1, 5);
  const comment = optionalText(args.comment, 'comment', 500);
  return takeStep(ctx, args.id, 'rate', { rating, ...(comment ? { ratingComment: comment } : {}) }, comment);
}

export function cancelServiceOrder(ctx: Context, args: MutationCancelServiceOrderArgs) {
  const reason = requireNonBlank(args.reason, 'reason', 500);
  return takeStep(ctx, args.id, 'cancel', { cancelReason: reason }, reason);
}
