import { isStatisticsId } from '@cg/kit';
import type { ScopeStatisticsResolvers } from '../generated/resolvers-types';
import { dualReporting, dualReportingServiceHours, partyStatistics, type PartyScopeStatistics } from '../statistics';

export type ScopeStatisticsParent = PartyScopeStatistics;

export const ScopeStatistics = {
  __resolveReference: (reference: { id: string }, ctx) => (isStatisticsId(reference.id) ? partyStatistics(ctx, reference.id) : null),
  id: (s) => s.id,
  dualReporting: (s, _, ctx) => dualReporting(ctx, s),
  dualReportingServiceHours: (s, _, ctx) => dualReportingServiceHours(ctx, s),
} satisfies ScopeStatisticsResolvers;
