import type { Context } from '../context';

/** SENSITIVE (敏感个人信息): a resident's vulnerability flags, assistance and care profile, all batched. */
export const ResidentCare = {
  flags: async ({ residentId }: { residentId: string }, _: unknown, { loaders }: Context) =>
    (await loaders.careProfileByResident.load(residentId))?.flags ?? [],
  assistance: async ({ residentId }: { residentId: string }, _: unknown, { loaders }: Context) =>
    [...(await loaders.assistanceByResident.load(residentId))].sort((a, b) => b.startDate.localeCompare(a.startDate)),
  profile: ({ residentId }: { residentId: string }, _: unknown, { loaders }: Context) => loaders.careProfileByResident.load(residentId),
};
