/**
 * Time limits 时限 (Beijing 12345 接诉即办 practice): emergencies 2 h, water/power/gas/heating 24 h, general 7 days,
 * complex 15 days; whistle reports 报到 within 30 minutes (平谷 practice). Configurable by environment:
 * `CG_CASE_LIMIT_HOURS="EMERGENCY=2,UTILITIES=24,GENERAL=168,COMPLEX=360"` and `CG_WHISTLE_REPORT_MINUTES=30`.
 */
export const CATEGORIES = [
  'WATER',
  'POWER',
  'GAS',
  'HEATING', // utilities 水电气暖
  'PROPERTY_SERVICE',
  'ENVIRONMENT',
  'PUBLIC_ORDER',
  'BUILDING_SAFETY',
  'DISPUTE',
  'EMPLOYMENT',
  'ASSISTANCE',
  'OTHER',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const URGENCIES = ['EMERGENCY', 'NORMAL', 'COMPLEX'] as const;
export type Urgency = (typeof URGENCIES)[number];
type LimitClass = 'EMERGENCY' | 'UTILITIES' | 'GENERAL' | 'COMPLEX';

const DEFAULT_LIMIT_HOURS: Record<LimitClass, number> = { EMERGENCY: 2, UTILITIES: 24, GENERAL: 7 * 24, COMPLEX: 15 * 24 };
const DEFAULT_WHISTLE_MINUTES = 30;
const UTILITIES: readonly Category[] = ['WATER', 'POWER', 'GAS', 'HEATING'];

/** Urgency decides first (an emergency is 2 h whatever it concerns; a complex case 15 days), then the category. */
export function limitClass(category: Category, urgency: Urgency): LimitClass {
  if (urgency === 'EMERGENCY') return 'EMERGENCY';
  if (urgency === 'COMPLEX') return 'COMPLEX';
  return UTILITIES.includes(category) ? 'UTILITIES' : 'GENERAL';
}

/** Reads `EMERGENCY=2,UTILITIES=24,…`; unknown classes or non-positive numbers are a configuration error. */
export function parseLimitHours(spec: string | undefined): Record<LimitClass, number> {
  const hours = { ...DEFAULT_LIMIT_HOURS };
  for (const part of (spec ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=').map((p) => p.trim());
    const n = Number(value);
    if (!name || !(name in hours) || !(n > 0)) throw new Error(`CG_CASE_LIMIT_HOURS: "${part}" is not CLASS=positive hours`);
    hours[name as LimitClass] = n;
  }
  return hours;
}

export function parseWhistleMinutes(spec: string | undefined): number {
  if (spec === undefined || spec === '') return DEFAULT_WHISTLE_MINUTES;
  const n = Number(spec);
  if (!(n > 0)) throw new Error(`CG_WHISTLE_REPORT_MINUTES: "${spec}" is not a positive number`);
  return n;
}

/** When a case submitted at `submittedAt` must be resolved (回单) by. Read at call time so tests may set the env. */
export function dueAt(category: Category, urgency: Urgency, submittedAt: Date, env = process.env): Date {
  const hours = parseLimitHours(env.CG_CASE_LIMIT_HOURS)[limitClass(category, urgency)];
  return new Date(submittedAt.getTime() + hours * 3_600_000);
}

/** When units named by a whistle must report by, unless the whistle names its own deadline. */
export function reportBy(blownAt: Date, minutes?: number | null, env = process.env): Date {
  return new Date(blownAt.getTime() + (minutes ?? parseWhistleMinutes(env.CG_WHISTLE_REPORT_MINUTES)) * 60_000);
}
