/**
 * Service orders raised from joint-response cases (案件转物业工单) and from stewards' open patrol findings (管家吹哨),
 * seeded after party's cases (the world hands their ids over, as data) and property's own patrols. Derived from
 * positions, no random draws, so the rest of the seed is untouched.
 */
import { stableId, type SeedDoc as Doc, type World } from '@cg/kit';
import { PATROL_ORDER_CATEGORY, patrolOrderId } from '../raised/fromPatrol';
import type { PatrolIssueDoc } from '../models/EstatePatrol';
import { pathTo, stepInto, type ServiceOrderStatus } from '../serviceOrderFlow';

/** The case categories property works on. */
const PROPERTY_CASES = ['PROPERTY_SERVICE', 'WATER', 'HEATING'];
/** How far an order has come, by where its case stands. */
const ORDER_STATUS: Record<string, ServiceOrderStatus> = { RESOLVED: 'DONE', VERIFIED: 'DONE', RATED: 'RATED', CLOSED: 'RATED', IN_PROGRESS: 'ACCEPTED', ACCEPTED: 'ACCEPTED' };

const addHours = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();

/** An order that went `status`'s way from `orderedAt`, a step every few hours, ordered by the community. */
function order(fields: Doc, status: ServiceOrderStatus, orderedAt: string, companyId: unknown, n: number): Doc {
  const doc: Doc = { ...fields, status, orderedAt, history: [] };
  let at = orderedAt;
  for (const [k, to] of pathTo(status).entries()) {
    if (k > 0) at = addHours(at, 2 + ((n + k) % 5));
    const step = stepInto(to)!;
    (doc.history as Doc[]).push({ ...(k > 0 ? { from: pathTo(status)[k - 1] } : {}), to, party: k === 0 ? 'COMMUNITY' : step.party, at } as unknown as Doc);
    if (k > 0) doc[step.stamp] = at;
  }
  if (status !== 'ORDERED' && companyId) doc.propertyCompanyId = companyId;
  if (status === 'RATED') doc.rating = 4 + (n % 2);
  return doc;
}

export function raisedOrders(world: World, estates: Doc[], patrols: Doc[]): Doc[] {
  const property = world.property!;
  const buildingEstate = new Map(property.Building!.map((b) => [b._id, String(b.estateId)]));
  const unitBuilding = new Map(property.Unit!.map((u) => [u._id, String(u.buildingId)]));
  const companyOf = new Map(estates.map((e) => [e._id, e.propertyCompanyId]));
  const out: Doc[] = [];
  for (const [n, c] of (world.party?.JointCase ?? []).entries()) {
    const status = ORDER_STATUS[c.status as string];
    if (!status || !c.unitId || !PROPERTY_CASES.includes(c.category as string)) continue;
    const estateId = buildingEstate.get(unitBuilding.get(c.unitId as string)!)!;
    const orderedAt = addHours((c.submittedAt as Date).toISOString(), 1);
    out.push(
      order(
        {
          _id: stableId('case-order', c._id),
          category: 'REPAIR',
          description: `一呼联动案件转办：${c.description}`,
          reporterId: c.reporterId,
          unitId: c.unitId,
          estateId,
          caseId: c._id,
        },
        status,
        orderedAt,
        companyOf.get(estateId),
        n,
      ),
    );
  }
  // 管家吹哨: every third open finding that names a building became an order at its first dwelling.
  const householdOfUnit = new Map(world['civil-affairs']!.Household!.map((h) => [String(h.unitId), h._id]));
  const headOf = new Map<string, string>();
  for (const r of world['civil-affairs']!.Resident!) if (!headOf.has(String(r.householdId))) headOf.set(String(r.householdId), r._id);
  const firstUnit = new Map<string, string>();
  for (const u of property.Unit!) if (!firstUnit.has(String(u.buildingId))) firstUnit.set(String(u.buildingId), u._id);
  let k = 0;
  for (const patrol of patrols) {
    for (const issue of patrol.issues as Doc[]) {
      if (issue.resolved || !issue.buildingId || k++ % 3 !== 0) continue;
      const unitId = firstUnit.get(String(issue.buildingId))!;
      const household = householdOfUnit.get(unitId);
      const reporterId = household && headOf.get(household);
      if (!reporterId) continue;
      const fields = {
        _id: patrolOrderId(issue.id as string),
        category: PATROL_ORDER_CATEGORY[issue.category as PatrolIssueDoc['category']],
        description: issue.description,
        reporterId,
        unitId,
        estateId: patrol.estateId,
      };
      out.push(order(fields, k % 2 ? 'DISPATCHED' : 'ORDERED', `${patrol.date}T02:00:00.000Z`, companyOf.get(String(patrol.estateId)), k));
    }
  }
  return out;
}
