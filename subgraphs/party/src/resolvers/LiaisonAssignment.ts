import { entityResolvers, loadReferenced, reference } from '@cg/kit';
import type { Context } from '../context';
import type { LiaisonAssignmentResolvers } from '../generated/resolvers-types';

export const LiaisonAssignment = {
  ...entityResolvers((ctx: Context) => ctx.loaders.liaisonAssignment),
  community: (l) => reference(l.communityId),
  organization: (l, _, { loaders }) => loadReferenced(loaders.organization, l.organizationId, 'PartyOrganization'),
  averageScore: (l) => (l.scores.length ? Math.round((l.scores.reduce((sum, s) => sum + s.score, 0) / l.scores.length) * 10) / 10 : null),
} satisfies LiaisonAssignmentResolvers;
