import type { PatrolIssueResolvers } from '../generated/resolvers-types';

export const PatrolIssue = {
  building: (issue, _, { loaders }) => (issue.buildingId ? loaders.building.load(issue.buildingId) : null),
  unit: (issue, _, { loaders }) => (issue.unitId ? loaders.unit.load(issue.unitId) : null),
} satisfies PatrolIssueResolvers;
