import { loadReferenced } from '@cg/kit';
import type { AssistanceRecordResolvers } from '../generated/resolvers-types';

/** SENSITIVE (敏感个人信息). */
export const AssistanceRecord = {
  id: (record) => record._id,
  resident: (record, _, { loaders }) => loadReferenced(loaders.resident, record.residentId, 'Resident'),
  household: (record, _, { loaders }) => loadReferenced(loaders.household, record.householdId, 'Household'),
} satisfies AssistanceRecordResolvers;
