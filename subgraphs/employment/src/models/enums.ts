/** Enum values shared by the models, the rules and the seed (mirrors schema.graphql). */
export const EMPLOYER_KINDS = ['ENTERPRISE', 'COOPERATIVE', 'ASSISTANCE_WORKSHOP', 'INDIVIDUAL_BUSINESS', 'PUBLIC_INSTITUTION'] as const;
export const POSTING_STATUSES = ['OPEN', 'CLOSED', 'FILLED'] as const;
export const APPLICATION_STATUSES = ['APPLIED', 'INTERVIEWED', 'OFFERED', 'PLACED', 'REJECTED', 'WITHDRAWN'] as const;
export const EMPLOYMENT_STATUSES = ['EMPLOYED', 'SEEKING', 'UNABLE_TO_WORK', 'STUDENT', 'RETIRED'] as const;
export const COURSE_CATEGORIES = ['SEWING', 'EMBROIDERY', 'COOKING', 'DOMESTIC_SERVICE', 'ELDER_CARE', 'ELECTRICIAN', 'E_COMMERCE', 'AGRICULTURE', 'OTHER'] as const;
export const ENROLMENT_STATUSES = ['ENROLLED', 'COMPLETED', 'WITHDRAWN'] as const;
export const WELFARE_POST_KINDS = ['SECURITY_PATROL', 'CLEANER', 'BUILDING_LEAD', 'GREENING', 'ELDER_CARE_AIDE', 'FOREST_WATCH', 'OTHER'] as const;
export const WELFARE_POST_STATUSES = ['HELD', 'VACANT'] as const;
export const FUND_INCOME_SOURCES = ['FACTORY_RENT_SHARE', 'GREENHOUSE_RENT', 'SOLAR_DIVIDEND', 'DONATION', 'GOVERNMENT_SUBSIDY', 'OTHER'] as const;
export const FUND_ENTRY_KINDS = ['INCOME', 'PAYMENT'] as const;
/** A ledger entry is PENDING between its insert and the fund's balance update, APPLIED after (see fund.ts). */
export const FUND_ENTRY_STATES = ['PENDING', 'APPLIED'] as const;
