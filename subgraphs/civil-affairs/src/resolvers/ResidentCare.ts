import type { ResidentCareResolvers } from '../generated/resolvers-types';

/** What Resident.care hands down: only the resident, so nothing sensitive is read until a field below asks. */
export type ResidentCareParent = { residentId: string };

/** SENSITIVE (敏感个人信息): a resident's vulnerability flags, assistance and care profile, all batched. */
export const ResidentCare = {
  flags: async ({ residentId }, _, { loaders }) => (await loaders.careProfileByResident.load(residentId))?.flags ?? [],
  assistance: async ({ residentId }, _, { loaders }) => [...(await loaders.assistanceByResident.load(residentId))].sort((a, b) => b.startDate.localeCompare(a.startDate)),
  profile: ({ residentId }, _, { loaders }) => loaders.careProfileByResident.load(residentId),
} satisfies ResidentCareResolvers;
