import type { Context } from '../context';
import type { PatrolIssueDoc } from '../models/EstatePatrol';

export const PatrolIssue = {
  building: (issue: PatrolIssueDoc, _: unknown, { loaders }: Context) => (issue.buildingId ? loaders.building.load(issue.buildingId) : null),
  unit: (issue: PatrolIssueDoc, _: unknown, { loaders }: Context) => (issue.unitId ? loaders.unit.load(issue.unitId) : null),
};
