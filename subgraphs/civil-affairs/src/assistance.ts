import type { VulnerabilityFlag } from './care';

export const ASSISTANCE_KINDS = [
  'LOW_INCOME_ALLOWANCE',
  'EXTREME_POVERTY_SUPPORT',
  'DISABILITY_SUBSIDY',
  'ELDERLY_ALONE_CARE',
  'OLD_AGE_ALLOWANCE',
  'TEMPORARY_ASSISTANCE',
  'MEDICAL_ASSISTANCE',
] as const;
type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];
export const ASSISTANCE_STATUSES = ['ACTIVE', 'SUSPENDED', 'ENDED'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

/** Granting these kinds of assistance also marks the resident with the matching vulnerability flag. */
export const FLAG_OF_KIND: Partial<Record<AssistanceKind, VulnerabilityFlag>> = {
  LOW_INCOME_ALLOWANCE: 'LOW_INCOME',
  EXTREME_POVERTY_SUPPORT: 'EXTREME_POVERTY',
  DISABILITY_SUBSIDY: 'DISABILITY',
  ELDERLY_ALONE_CARE: 'ELDERLY_ALONE',
};

/** Allowed changes: a suspended record may resume; an ended one is final. */
export const ASSISTANCE_TRANSITIONS: Record<AssistanceStatus, AssistanceStatus[]> = {
  ACTIVE: ['SUSPENDED', 'ENDED'],
  SUSPENDED: ['ACTIVE', 'ENDED'],
  ENDED: [],
};
