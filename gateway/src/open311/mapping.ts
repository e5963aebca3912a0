/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the joint-response case (一呼联动案件, party's
 * JointCase): services are the case categories, a service request is a case.
 */
import { CATEGORY_LABELS } from '@cg/kit/labels';
import services from './services.json';

interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

/**
 * One service per JointCaseCategory, in the category order of the SDL; the code is the category's name, so a request
 * maps back without a table. The service's name is the category's Chinese name (the console's) and an English one.
 */
export const SERVICES: Service[] = services.map(({ code, name, description, group, keywords }) => ({
  service_code: code,
  service_name: `${CATEGORY_LABELS[code]} ${name}`,
  description,
  metadata: false,
  type: 'realtime',
  keywords,
  group,
}));

/** Our statuses, the Open311 status (closed once the case is closed or a duplicate) and the note shown to the client. */
export const STATUS_NOTES: Record<string, string> = {
  SUBMITTED: '点单 submitted',
  DISPATCHED: '派单 dispatched',
  ACCEPTED: '接单 accepted',
  IN_PROGRESS: '办单 in progress',
  RESOLVED: '回单 reported resolved',
  VERIFIED: '审定 verified by the community',
  RATED: '评单 rated',
  CLOSED: '办结 closed',
  RETURNED: '退单 returned to the community',
  TRANSFERRED: '转单 transferred',
  DEFERRAL_REQUESTED: '挂账申请 deferral requested',
  DEFERRED: '挂账 deferred',
  REWORK: '返工 rework',
  DUPLICATE: '重复件 duplicate request',
};
export const CLOSED_STATUSES = ['CLOSED', 'DUPLICATE'];
const open311Status = (status: string): 'open' | 'closed' => (CLOSED_STATUSES.includes(status) ? 'closed' : 'open');

export const CASE_FIELDS = `id status category description submittedAt dueAt resolvedAt closedAt
  history { at } leadUnit { name } dwelling { id label } building { id number estate { name address } }`;

export interface CaseView {
  id: string;
  status: string;
  category: string;
  description: string;
  submittedAt: string;
  dueAt: string;
  history?: Array<{ at: string }> | null;
  leadUnit?: { name: string } | null;
  dwelling?: { id: string; label: string } | null;
  building?: { id: string; number: string; estate?: { name: string; address: string } | null } | null;
}

/** A case as a GeoReport service request (every field the specification lists; we keep no coordinates or media). */
export function serviceRequest(c: CaseView) {
  const where = c.dwelling?.label ?? c.building?.number;
  const place = c.building?.estate ? `${c.building.estate.address} ${c.building.estate.name} ${where}` : (where ?? null);
  return {
    service_request_id: c.id,
    status: open311Status(c.status),
    status_notes: STATUS_NOTES[c.status] ?? c.status,
    service_name: SERVICES.find((s) => s.service_code === c.category)?.service_name ?? c.category,
    service_code: c.category,
    description: c.description,
    agency_responsible: c.leadUnit?.name ?? null,
    service_notice: null,
    requested_datetime: c.submittedAt,
    updated_datetime: c.history?.at(-1)?.at ?? c.submittedAt,
    expected_datetime: c.dueAt,
    address: place,
    address_id: c.dwelling ? `unit:${c.dwelling.id}` : c.building ? `building:${c.building.id}` : null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/** `address_id` as we hand it out: `unit:<id>` (a dwelling), `building:<id>`, or a bare id (a dwelling). */
export function placeOf(addressId: string): { unitId: string } | { buildingId: string } {
  const [kind, id] = addressId.includes(':') ? (addressId.split(':', 2) as [string, string]) : ['unit', addressId];
  return kind === 'building' ? { buildingId: id } : { unitId: id };
}
