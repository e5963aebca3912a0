import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import type { LiaisonAssignmentDoc } from '../models/LiaisonAssignment';

export const LiaisonAssignment = {
  ...entityResolvers((ctx: Context) => ctx.loaders.liaisonAssignment),
  community: (l: LiaisonAssignmentDoc) => reference(l.communityId),
  organization: (l: LiaisonAssignmentDoc, _: unknown, { loaders }: Context) => loaders.organization.load(l.organizationId),
  averageScore: (l: LiaisonAssignmentDoc) =>
    l.scores.length ? Math.round((l.scores.reduce((sum, s) => sum + s.score, 0) / l.scores.length) * 10) / 10 : null,
};
