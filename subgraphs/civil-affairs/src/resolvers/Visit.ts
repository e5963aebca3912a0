import type { Context } from '../context';
import type { VisitDoc } from '../models/Visit';

export const Visit = {
  id: (visit: VisitDoc) => visit._id,
  household: (visit: VisitDoc, _: unknown, { loaders }: Context) => loaders.household.load(visit.householdId),
};
