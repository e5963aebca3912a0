import type { DeliberationFollowUpResolvers } from '../generated/resolvers-types';

export const DeliberationFollowUp = {
  jointCase: (f, _, { loaders }) => (f.caseId ? loaders.jointCase.load(f.caseId) : null),
  at: (f) => new Date(f.at).toISOString(),
} satisfies DeliberationFollowUpResolvers;
