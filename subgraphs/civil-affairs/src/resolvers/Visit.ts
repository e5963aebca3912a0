import { maskName } from '@cg/kit';
import type { Context } from '../context';
import type { VisitDoc } from '../models/Visit';

export const Visit = {
  id: (visit: VisitDoc) => visit._id,
  resident: (visit: VisitDoc, _: unknown, { loaders }: Context) => loaders.resident.load(visit.residentId),
  grid: (visit: VisitDoc, _: unknown, { loaders }: Context) => loaders.grid.load(visit.gridId),
  visitorName: (visit: VisitDoc) => maskName(visit.visitorName),
};
