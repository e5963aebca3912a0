import { actor, badInput, isDuplicateKey, conflict, createOnce } from '@cg/kit';
import type { Context } from '../context';
import type { ServiceOrderDoc } from '../models/ServiceOrder';
import { requireBuilding, requireUnit } from '../references';

/** The fields a raised order starts with: ordered by the community for the resident concerned (社区代为点单). */
export interface RaisedOrder {
  category: ServiceOrderDoc['category'];
  description: string;
  reporterId: string;
  unitId: string;
  estateId: string;
  caseId?: string;
  note: string;
}

/** The dwelling of a raised order, which must lie in `buildingId` (when the source names a building) or in `estateId`. */
export async function requireUnitWithin(ctx: Context, unitId: string, within: { buildingId?: string | null; estateId?: string | null }, field = 'unitId') {
  const unit = await requireUnit(ctx, unitId, field);
  if (within.buildingId && unit.buildingId !== within.buildingId) throw badInput('the dwelling does not lie in the building concerned', { field });
  const building = await requireBuilding(ctx, unit.buildingId, field);
  if (within.estateId && building.estateId !== within.estateId) throw badInput('the dwelling does not lie in the estate concerned', { field });
  return { unit, building };
}

function fields(ctx: Context, order: RaisedOrder) {
  const at = new Date().toISOString();
  const { note, ...rest } = order;
  return { ...rest, status: 'ORDERED' as const, orderedAt: at, history: [{ from: null, to: 'ORDERED' as const, party: 'COMMUNITY' as const, actor: actor(ctx), at, note }] };
}

/** One order per caller's idempotency key (a case may raise several orders). */
export async function insertRaised(ctx: Context, order: RaisedOrder, idempotencyKey: string | null | undefined): Promise<ServiceOrderDoc> {
  const { note: _note, ...input } = order;
  const { doc } = await createOnce<ServiceOrderDoc>(ctx.models.ServiceOrder, fields(ctx, order), { idempotencyKey, caller: actor(ctx), input });
  return doc;
}

/** One order under a fixed id (a patrol finding raises at most one): a second raise is a CONFLICT naming the first. */
export async function insertRaisedOnce(ctx: Context, _id: string, order: RaisedOrder, field: string): Promise<ServiceOrderDoc> {
  try {
    const created = await ctx.models.ServiceOrder.create({ _id, ...fields(ctx, order) });
    return created.toObject() as ServiceOrderDoc;
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('this finding has raised a service order already', { field, serviceOrderId: _id });
    throw error;
  }
}
