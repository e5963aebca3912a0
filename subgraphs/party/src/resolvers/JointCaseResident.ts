import { andFilters, paginate, type PageArgs } from '@cg/kit';
import type { Context } from '../context';

/** Party's joint-case fields on civil affairs' Resident (merged into the Resident resolvers in index.ts). */
export const jointCaseResidentFields = {
  jointCases: (resident: { id: string }, args: PageArgs, ctx: Context) =>
    paginate(ctx.models.JointCase, andFilters({ reporterId: resident.id }, ctx.scopeFilter('JointCase')), { submittedAt: -1 }, args),
};
