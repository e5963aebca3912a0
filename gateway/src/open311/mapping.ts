/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the joint-response case (一呼联动案件, party's
 * JointCase): services are the case categories, a service request is a case.
 */
interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

const service = (code: string, name: string, description: string, group: string, keywords: string): Service => ({
  service_code: code,
  service_name: name,
  description,
  metadata: false,
  type: 'realtime',
  keywords,
  group,
});

/** One service per JointCaseCategory; the code is the category's name, so a request maps back without a table. */
export const SERVICES: Service[] = [
  service('WATER', '供水 Water', 'No water, low pressure, leaks and burst pipes (水). Time limit 24 h.', '水电气暖 utilities', 'water, 停水, 漏水'),
  service('POWER', '供电 Power', 'Power cuts and electrical faults (电). Time limit 24 h.', '水电气暖 utilities', 'power, electricity, 停电'),
  service('GAS', '燃气 Gas', 'Gas supply problems (气); a smell of gas is an emergency: call 119 first. Time limit 24 h.', '水电气暖 utilities', 'gas, 燃气'),
  service('HEATING', '供暖 Heating', 'Heating off or too cold (暖). Time limit 24 h.', '水电气暖 utilities', 'heating, 暖气'),
  service('PROPERTY_SERVICE', '物业服务 Property service', 'Repairs and services of the property company (物业).', '物业 property', 'property, repair, 报修'),
  service('ENVIRONMENT', '环境卫生 Environment', 'Rubbish, cleaning, greenery (环境卫生).', '社区 community', 'rubbish, garbage, 垃圾'),
  service('PUBLIC_ORDER', '治安秩序 Public order', 'Noise, parking, public order (治安秩序).', '社区 community', 'noise, parking, 噪音'),
  service('BUILDING_SAFETY', '房屋安全 Building safety', 'Cracks, falling objects, unsafe buildings (房屋安全).', '住建 construction', 'building, safety, 房屋'),
  service('DISPUTE', '矛盾纠纷 Dispute', 'Neighbour and family disputes (矛盾纠纷), mediated by the community.', '社区 community', 'dispute, neighbour, 纠纷'),
  service('EMPLOYMENT', '就业 Employment', 'Help finding work or training (就业).', '就业 employment', 'job, work, 就业'),
  service('ASSISTANCE', '救助保障 Assistance', 'Minimum living allowance, elderly and disability assistance (救助保障).', '民政 civil affairs', 'assistance, 低保, elderly'),
  service('OTHER', '其他 Other', 'Anything else (其他).', '社区 community', 'other'),
];

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
