import type { Context } from '../context';
import type { PatrolIssueResolvers } from '../generated/resolvers-types';
import { patrolCaseId } from '../jointCase/patrolFinding';

/** Property's patrol finding, seen here by its key: party adds the case it raised (found by the id derived from the finding). */
export const PatrolIssue = {
  __resolveReference: (ref: { id: string; patrolId: string }) => ref,
  jointCase: async (issue, _, ctx: Context) => (await ctx.loaders.jointCase.load(patrolCaseId(issue.id))) ?? null,
} satisfies PatrolIssueResolvers;
