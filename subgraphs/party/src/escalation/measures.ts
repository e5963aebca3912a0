import { badInput, groupSums } from '@cg/kit';
import type { Models } from '../models';
import { ESCALATED_LEVELS, type EscalatedLevel } from '../models/Escalation';

export const requireYear = (year: number) => {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year must be a year such as 2026', { field: 'year' });
  return year;
};

/**
 * A community's escalations raised in a year (or quarter), per level, summed per level (`$group` on the level) each
 * stands at now: every escalation was raised to the working committee; those at COUNTY were forwarded.
 */
export async function escalationMeasures(models: Models, communityId: string, year: number, quarter?: number | null) {
  requireYear(year);
  if (quarter != null && (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)) throw badInput('quarter must be 1–4', { field: 'quarter' });
  // groupSums: FerretDB v1 computes only the first accumulator of a $group (see the kit).
  const rows = await groupSums(models.Escalation, [{ $match: { communityId, year, ...(quarter != null ? { quarter } : {}) } }], '$level', {
    n: 1,
    resolved: '$resolved',
    onTime: '$onTime',
  });
  const at = (level: EscalatedLevel): Record<string, number> => rows.find((r) => r._id === level) ?? { n: 0, resolved: 0, onTime: 0 };
  const total = rows.reduce((sum, r) => sum + r.n!, 0);
  const levels = ESCALATED_LEVELS.map((level) => {
    const row = at(level);
    const escalated = level === 'WORKING_COMMITTEE' ? total : row.n!;
    return { level, escalated, resolved: row.resolved!, resolvedWithinLimit: row.onTime!, open: row.n! - row.resolved! };
  });
  const sum = (key: 'resolved' | 'resolvedWithinLimit' | 'open') => levels.reduce((s, l) => s + l[key], 0);
  return { year, quarter: quarter ?? null, escalated: total, resolved: sum('resolved'), resolvedWithinLimit: sum('resolvedWithinLimit'), open: sum('open'), levels };
}
