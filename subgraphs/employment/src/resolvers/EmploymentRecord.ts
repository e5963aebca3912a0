import { entityResolvers, reference } from '@cg/kit';
import type { Context } from '../context';
import { untilOf } from '../history';
import type { EmploymentRecordDoc } from '../models/EmploymentRecord';

export const EmploymentRecord = {
  ...entityResolvers((ctx: Context) => ctx.loaders.employmentRecord),
  resident: (record: EmploymentRecordDoc) => reference(record.residentId),
  employer: (record: EmploymentRecordDoc, _: unknown, { loaders }: Context) =>
    record.employerId ? loaders.employer.load(record.employerId) : null,
  until: async (record: EmploymentRecordDoc, _: unknown, { loaders }: Context) =>
    untilOf(record, await loaders.recordsByResident.load(record.residentId)),
  placement: (record: EmploymentRecordDoc, _: unknown, { loaders }: Context) =>
    record.applicationId ? loaders.jobApplication.load(record.applicationId) : null,
};
