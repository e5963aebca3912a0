/**
 * The service order lifecycle (物业工单): 群众点单 ORDERED → 社区派单 DISPATCHED → 物业接单 ACCEPTED → DONE → RATED,
 * or CANCELLED before it is done. Pure rules here; `serviceOrders.ts` applies a step as one conditional update.
 */
export const SERVICE_ORDER_STATUSES = ['ORDERED', 'DISPATCHED', 'ACCEPTED', 'DONE', 'RATED', 'CANCELLED'] as const;
export type ServiceOrderStatus = (typeof SERVICE_ORDER_STATUSES)[number];
type ServiceOrderParty = 'RESIDENT' | 'COMMUNITY' | 'PROPERTY_COMPANY';
export type ServiceOrderAction = 'dispatch' | 'accept' | 'complete' | 'rate' | 'cancel';

export interface Step {
  /** Statuses the order may be in for this step. */
  from: readonly ServiceOrderStatus[];
  to: ServiceOrderStatus;
  party: ServiceOrderParty;
  /** The instant field the step stamps. */
  stamp: 'dispatchedAt' | 'acceptedAt' | 'doneAt' | 'ratedAt' | 'cancelledAt';
}

export const STEPS: Record<ServiceOrderAction, Step> = {
  dispatch: { from: ['ORDERED'], to: 'DISPATCHED', party: 'COMMUNITY', stamp: 'dispatchedAt' },
  accept: { from: ['DISPATCHED'], to: 'ACCEPTED', party: 'PROPERTY_COMPANY', stamp: 'acceptedAt' },
  complete: { from: ['ACCEPTED'], to: 'DONE', party: 'PROPERTY_COMPANY', stamp: 'doneAt' },
  rate: { from: ['DONE'], to: 'RATED', party: 'RESIDENT', stamp: 'ratedAt' },
  cancel: { from: ['ORDERED', 'DISPATCHED', 'ACCEPTED'], to: 'CANCELLED', party: 'COMMUNITY', stamp: 'cancelledAt' },
};

export const canTake = (action: ServiceOrderAction, status: string) => (STEPS[action].from as readonly string[]).includes(status);

/** The path an order in `status` has been through (for seeds and checks): ORDERED … status. */
export function pathTo(status: ServiceOrderStatus, cancelledFrom: ServiceOrderStatus = 'ORDERED'): ServiceOrderStatus[] {
  const main: ServiceOrderStatus[] = ['ORDERED', 'DISPATCHED', 'ACCEPTED', 'DONE', 'RATED'];
  if (status === 'CANCELLED') return [...main.slice(0, main.indexOf(cancelledFrom) + 1), 'CANCELLED'];
  return main.slice(0, main.indexOf(status) + 1);
}

/** Which step leads into `to` (for the history party of seeded orders). */
export const stepInto = (to: ServiceOrderStatus): Step | undefined => Object.values(STEPS).find((s) => s.to === to);
