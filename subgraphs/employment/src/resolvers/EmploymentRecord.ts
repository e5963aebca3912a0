import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import { untilOf } from '../history';
import type { EmploymentRecordResolvers } from '../generated/resolvers-types';

export const EmploymentRecord = {
  ...entityResolvers((ctx: Context) => ctx.loaders.employmentRecord),
  resident: (record) => reference(record.residentId),
  employer: (record, _, { loaders }) => (record.employerId ? loaders.employer.load(record.employerId) : null),
  until: async (record, _, { loaders }) => untilOf(record, await loaders.recordsByResident.load(record.residentId)),
  placement: (record, _, { loaders }) => (record.applicationId ? loaders.jobApplication.load(record.applicationId) : null),
} satisfies EmploymentRecordResolvers;
