import { extendedEntity } from '@cg/kit';
import type { Context } from '../context';
import { byStart, latestRecord } from '../history';
import { requireInt } from '../input';

type Ref = { id: string };
const newest = <T extends { _id: string }>(key: (doc: T) => string) => (a: T, b: T) => key(b).localeCompare(key(a)) || a._id.localeCompare(b._id);

export const Resident = {
  ...extendedEntity,
  employmentStatus: async (resident: Ref, _: unknown, { loaders }: Context) => latestRecord(await loaders.recordsByResident.load(resident.id)),
  employmentHistory: async (resident: Ref, _: unknown, { loaders }: Context) => [...(await loaders.recordsByResident.load(resident.id))].sort(byStart),
  jobApplications: async (resident: Ref, _: unknown, { loaders }: Context) =>
    [...(await loaders.applicationsByResident.load(resident.id))].sort(newest((a) => a.appliedOn)),
  courseEnrolments: async (resident: Ref, _: unknown, { loaders }: Context) =>
    [...(await loaders.enrolmentsByResident.load(resident.id))].sort(newest((e) => e.enrolledOn)),
  welfarePosts: (resident: Ref, _: unknown, { loaders }: Context) => loaders.postsByHolder.load(resident.id),
  /** Open postings the resident has not applied to; the pool is shared by every resident asking the same keyword. */
  matchingPostings: async (resident: Ref, { keyword, first }: { keyword?: string | null; first?: number | null }, { loaders }: Context) => {
    const size = requireInt(first ?? 10, 'first', 0, 50);
    const [pool, applications] = await Promise.all([
      loaders.openPostingsByKeyword.load(keyword?.trim().slice(0, 50) ?? ''),
      loaders.applicationsByResident.load(resident.id),
    ]);
    const applied = new Set(applications.map((a) => a.postingId));
    return pool.filter((p) => !applied.has(p._id)).slice(0, size);
  },
};
