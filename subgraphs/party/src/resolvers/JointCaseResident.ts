import { paginate, type PageArgs } from '@cg/kit';
import type { Context } from '../context';

/** Party's joint-case fields on civil affairs' Resident (merged into the Resident resolvers in index.ts). */
export const jointCaseResidentFields = {
  jointCases: (resident: { id: string }, args: PageArgs, { models }: Context) =>
    paginate(models.JointCase, { reporterId: resident.id }, { submittedAt: -1 }, args),
};
