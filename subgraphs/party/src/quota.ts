/**
 * The LS yearly quota of an in-service member (在职党员): claim 1 service post, contact 1 household, take part in 1
 * volunteer service, make 1 suggestion. Progress is derived from the claims and activities themselves (two `$group`
 * queries), never kept as a counter that could drift from them.
 */
import type { Models } from './models';

const QUOTA_ITEMS = ['POST', 'HOUSEHOLD', 'VOLUNTEER_SERVICE', 'SUGGESTION'] as const;
type QuotaItem = (typeof QUOTA_ITEMS)[number];

const ITEM_OF_ACTIVITY: Record<string, QuotaItem> = {
  HOUSEHOLD_CONTACT: 'HOUSEHOLD',
  VOLUNTEER_SERVICE: 'VOLUNTEER_SERVICE',
  SUGGESTION: 'SUGGESTION',
};

type QuotaCounts = Record<QuotaItem, number>;

export interface QuotaStatus {
  year: number;
  posts: number;
  householdContacts: number;
  volunteerServices: number;
  suggestions: number;
  missing: QuotaItem[];
}

export const missingItems = (counts: QuotaCounts): QuotaItem[] => QUOTA_ITEMS.filter((item) => counts[item] < 1);

export function toStatus(year: number, counts: QuotaCounts): QuotaStatus {
  return {
    year,
    posts: counts.POST,
    householdContacts: counts.HOUSEHOLD,
    volunteerServices: counts.VOLUNTEER_SERVICE,
    suggestions: counts.SUGGESTION,
    missing: missingItems(counts),
  };
}

/** Counts per quota item for `year`, for the given members (all members with any activity when omitted). */
export async function quotaCounts(models: Models, year: number, memberIds?: readonly string[]): Promise<Map<string, QuotaCounts>> {
  const match: Record<string, unknown> = { year };
  if (memberIds) match.memberId = { $in: [...memberIds] };
  const [claims, activities] = await Promise.all([
    models.PostClaim.aggregate<{ _id: string; n: number }>([{ $match: match }, { $group: { _id: '$memberId', n: { $sum: 1 } } }]),
    models.ServiceActivity.aggregate<{ _id: { memberId: string; kind: string }; n: number }>([
      { $match: match },
      { $group: { _id: { memberId: '$memberId', kind: '$kind' }, n: { $sum: 1 } } },
    ]),
  ]);
  const counts = new Map<string, QuotaCounts>();
  const of = (id: string) => {
    if (!counts.has(id)) counts.set(id, { POST: 0, HOUSEHOLD: 0, VOLUNTEER_SERVICE: 0, SUGGESTION: 0 });
    return counts.get(id)!;
  };
  for (const memberId of memberIds ?? []) of(memberId);
  for (const row of claims) of(row._id).POST += row.n;
  for (const row of activities) {
    const item = ITEM_OF_ACTIVITY[row._id.kind];
    if (item) of(row._id.memberId)[item] += row.n;
  }
  return counts;
}

/** Members who met every item of the quota in `year`. */
export async function membersMeetingQuota(models: Models, year: number): Promise<string[]> {
  const counts = await quotaCounts(models, year);
  return [...counts].filter(([, c]) => missingItems(c).length === 0).map(([id]) => id);
}
