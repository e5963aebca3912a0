import { isStatisticsId } from '@cg/kit';
import type { ScopeStatisticsResolvers } from '../generated/resolvers-types';
import { employmentFigures, employmentStatistics, type EmploymentScopeStatistics } from '../statistics';

export type ScopeStatisticsParent = EmploymentScopeStatistics;

export const ScopeStatistics = {
  __resolveReference: (reference: { id: string }) => (isStatisticsId(reference.id) ? employmentStatistics(reference.id) : null),
  id: (s) => s.id,
  employment: (s, _, ctx) => employmentFigures(ctx, s),
} satisfies ScopeStatisticsResolvers;
