import type { ResidentCareResolvers } from '../generated/resolvers-types';

/** What Resident.care hands down: only the resident, so nothing sensitive is read until a field below asks. */
export type ResidentCareParent = { residentId: string };

/** SENSITIVE (敏感个人信息): a resident's vulnerability flags, assistance and care profile, all batched. */
export const ResidentCare = {
  flags: async ({ residentId }, _, { loaders }) => (await loaders.careProfileByResident.load(residentId))?.flags ?? [],
  assistance: ({ residentId }, args, { loaders }) => loaders.assistancePages(residentId, args),
  profile: ({ residentId }, _, { loaders }) => loaders.careProfileByResident.load(residentId),
} satisfies ResidentCareResolvers;
