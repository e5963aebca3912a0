import type { Context } from '../context';
import type { PatrolIssueResolvers } from '../generated/resolvers-types';
import type { PatrolIssueDoc } from '../models/EstatePatrol';
import { patrolOrderId } from '../raised/fromPatrol';

/** A finding as its patrol's `issues` hands it on: the embedded issue with the patrol it belongs to (its key). */
export type PatrolIssueParent = PatrolIssueDoc & { patrolId: string };

export const PatrolIssue = {
  __resolveReference: async ({ id, patrolId }: { id: string; patrolId: string }, ctx: Context) => {
    const issue = (await ctx.loaders.estatePatrol.load(patrolId))?.issues.find((i) => i.id === id);
    return issue ? { ...issue, patrolId } : null;
  },
  building: (issue, _, { loaders }) => (issue.buildingId ? loaders.building.load(issue.buildingId) : null),
  unit: (issue, _, { loaders }) => (issue.unitId ? loaders.unit.load(issue.unitId) : null),
  serviceOrder: (issue, _, { loaders }) => loaders.serviceOrder.load(patrolOrderId(issue.id)),
} satisfies PatrolIssueResolvers;
