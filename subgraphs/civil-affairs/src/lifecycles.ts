/** Status lifecycles of proxy services (代办) and disputes (矛盾纠纷): which change is allowed from which status. */
export const PROXY_ITEMS = [
  'LOW_INCOME_ALLOWANCE',
  'SOCIAL_INSURANCE',
  'MEDICAL_INSURANCE',
  'PENSION_CERTIFICATION',
  'DISABILITY_CERTIFICATE',
  'HOUSEHOLD_REGISTRATION',
  'OTHER',
] as const;
export const PROXY_CHANNELS = ['PARTY_SERVICE_CENTER', 'ESTATE_OFFICE', 'DOORSTEP'] as const;
export const PROXY_STATUSES = ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type ProxyStatus = (typeof PROXY_STATUSES)[number];

export const PROXY_TRANSITIONS: Record<ProxyStatus, ProxyStatus[]> = {
  REQUESTED: ['ACCEPTED', 'CANCELLED'],
  ACCEPTED: ['IN_PROGRESS', 'COMPLETED', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export const DISPUTE_CATEGORIES = ['NEIGHBOUR', 'FAMILY', 'PROPERTY_MANAGEMENT', 'LAND', 'LABOUR', 'DEBT', 'OTHER'] as const;
export const DISPUTE_STATUSES = ['REPORTED', 'MEDIATING', 'MEDIATED', 'RESOLVED', 'ESCALATED'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_TRANSITIONS: Record<DisputeStatus, DisputeStatus[]> = {
  REPORTED: ['MEDIATING', 'ESCALATED'],
  MEDIATING: ['MEDIATED', 'ESCALATED'],
  MEDIATED: ['RESOLVED', 'MEDIATING'],
  ESCALATED: ['RESOLVED'],
  RESOLVED: [],
};
