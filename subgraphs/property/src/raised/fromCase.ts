import { assertId, badInput, conflict, ErrorCode, notFound, requireNonBlank, typedError, withLock, type Identity } from '@cg/kit';
import type { Context } from '../context';
import type { RaiseServiceOrderFromCaseInput } from '../generated/resolvers-types';
import type { ServiceOrderDoc } from '../models/ServiceOrder';
import { insertRaised, requireUnitWithin } from './order';

/** What property asks party about a case (through federation, as itself). */
interface CaseView {
  id: string;
  status: string;
  reporter: { id: string };
  dwelling: { id: string } | null;
  building: { id: string };
  grid: { id: string };
  community: { id: string };
  tasks: Array<{ status: string; unit: { department: string } }>;
}
const CASE_SELECTION = 'id status reporter { id } dwelling { id } building { id } grid { id } community { id } tasks { status unit { department } }';

/** Cases nobody works any more (办结, 重复件) raise no orders. */
const FINAL = ['CLOSED', 'DUPLICATE'];
const LIVE_TASK = ['PENDING', 'ACCEPTED', 'RESOLVED'];
/** Bound on the orders one case raises, so `JointCase.serviceOrders` stays a short list. */
const MAX_ORDERS_PER_CASE = 20;

/**
 * Who may act on the case here: the community's own staff whose scope covers it, property's own staff, or the
 * staff of a property company that has a live task on the case.
 */
function mayAct(identity: Identity, c: CaseView): boolean {
  const { communityIds, gridIds } = identity.scope;
  if (identity.role === 'GRID_WORKER' || identity.role === 'PARTY_SECRETARY') {
    return (communityIds.length === 0 || communityIds.includes(c.community.id)) && (gridIds.length === 0 || gridIds.includes(c.grid.id));
  }
  if (identity.role !== 'PROPERTY_STAFF') return false;
  return identity.department === 'property' || c.tasks.some((t) => LIVE_TASK.includes(t.status) && t.unit.department === identity.department);
}

/** 案件转物业工单: the case is asked of party; the order is this department's own, linked by `caseId`. */
export async function raiseServiceOrderFromCase(ctx: Context, input: RaiseServiceOrderFromCaseInput): Promise<ServiceOrderDoc> {
  const caseId = assertId(input.caseId, 'caseId');
  const description = requireNonBlank(input.description, 'description', 2000);
  const unitId = input.unitId == null ? undefined : assertId(input.unitId, 'unitId');
  const [found] = (await ctx.peers.entities('party', 'JointCase', [caseId], CASE_SELECTION)) as Array<CaseView | null>;
  if (!found) throw notFound('JointCase', caseId, 'caseId');
  if (!ctx.identity || !mayAct(ctx.identity, found)) throw typedError(ErrorCode.FORBIDDEN, 'you may not act on this case', { field: 'caseId' });
  if (FINAL.includes(found.status)) throw conflict(`a case that is ${found.status} raises no service orders`, { field: 'caseId', status: found.status });
  const dwellingId = unitId ?? found.dwelling?.id;
  if (!dwellingId) throw badInput('the case names a building only: give the dwelling (unitId)', { field: 'unitId' });
  const { building } = await requireUnitWithin(ctx, dwellingId, { buildingId: found.building.id });
  const order = {
    category: input.category,
    description,
    reporterId: found.reporter.id,
    unitId: dwellingId,
    estateId: building.estateId,
    caseId,
    note: '一呼联动案件转物业工单',
  };
  // The bound holds under concurrent raises: count and insert under the case's lock.
  return withLock(ctx.models.ServiceOrder.db, `service_orders:case:${caseId}`, async () => {
    if ((await ctx.models.ServiceOrder.countDocuments({ caseId })) >= MAX_ORDERS_PER_CASE) {
      throw conflict(`a case raises at most ${MAX_ORDERS_PER_CASE} service orders`, { field: 'caseId' });
    }
    return insertRaised(ctx, order, input.idempotencyKey);
  });
}
