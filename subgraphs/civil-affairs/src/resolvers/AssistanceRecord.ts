import type { Context } from '../context';
import type { AssistanceRecordDoc } from '../models/AssistanceRecord';

/** SENSITIVE (敏感个人信息). */
export const AssistanceRecord = {
  id: (record: AssistanceRecordDoc) => record._id,
  resident: (record: AssistanceRecordDoc, _: unknown, { loaders }: Context) => loaders.resident.load(record.residentId),
  household: (record: AssistanceRecordDoc, _: unknown, { loaders }: Context) => loaders.household.load(record.householdId),
};
