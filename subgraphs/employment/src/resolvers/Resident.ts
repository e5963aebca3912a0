import { extendedEntity } from '@cg/kit';
import { byStart, latestRecord } from '../history';
import { requireInt } from '../input';
import type { ResidentResolvers } from '../generated/resolvers-types';

const newest =
  <T extends { _id: string }>(key: (doc: T) => string) =>
  (a: T, b: T) =>
    key(b).localeCompare(key(a)) || a._id.localeCompare(b._id);

export const Resident = {
  ...extendedEntity,
  employmentStatus: async (resident, _, { loaders }) => latestRecord(await loaders.recordsByResident.load(resident.id)),
  employmentHistory: async (resident, _, { loaders }) => [...(await loaders.recordsByResident.load(resident.id))].sort(byStart),
  jobApplications: async (resident, _, { loaders }) => [...(await loaders.applicationsByResident.load(resident.id))].sort(newest((a) => a.appliedOn)),
  courseEnrolments: async (resident, _, { loaders }) => [...(await loaders.enrolmentsByResident.load(resident.id))].sort(newest((e) => e.enrolledOn)),
  welfarePosts: (resident, _, { loaders }) => loaders.postsByHolder.load(resident.id),
  /** Open postings the resident has not applied to; the pool is shared by every resident asking the same keyword. */
  matchingPostings: async (resident, { keyword, first }, { loaders }) => {
    const size = requireInt(first ?? 10, 'first', 0, 50);
    const [pool, applications] = await Promise.all([loaders.openPostingsByKeyword.load(keyword?.trim().slice(0, 50) ?? ''), loaders.applicationsByResident.load(resident.id)]);
    const applied = new Set(applications.map((a) => a.postingId));
    return pool.filter((p) => !applied.has(p._id)).slice(0, size);
  },
} satisfies ResidentResolvers;
