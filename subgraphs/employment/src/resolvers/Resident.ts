import { extendedEntity } from '@cg/kit';
import { latestRecord } from '../history';
import { requireInt } from '../inputs';
import type { ResidentResolvers } from '../generated/resolvers-types';

export const Resident = {
  ...extendedEntity,
  employmentStatus: async (resident, _, { loaders }) => latestRecord(await loaders.recordsByResident.load(resident.id)),
  employmentHistory: (resident, page, { loaders }) => loaders.recordPagesByResident(resident.id, page),
  jobApplications: (resident, page, { loaders }) => loaders.applicationPagesByResident(resident.id, page),
  courseEnrolments: (resident, page, { loaders }) => loaders.enrolmentsByResident(resident.id, page),
  welfarePosts: (resident, page, { loaders }) => loaders.postsByHolder(resident.id, page),
  /** Open postings the resident has not applied to; the pool is shared by every resident asking the same keyword. */
  matchingPostings: async (resident, { keyword, first }, { loaders }) => {
    const size = requireInt(first ?? 10, 'first', 0, 50);
    const [pool, applications] = await Promise.all([loaders.openPostingsByKeyword.load(keyword?.trim().slice(0, 50) ?? ''), loaders.applicationsByResident.load(resident.id)]);
    const applied = new Set(applications.map((a) => a.postingId));
    return pool.filter((p) => !applied.has(p._id)).slice(0, size);
  },
} satisfies ResidentResolvers;
