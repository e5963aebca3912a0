import type { Context } from '../context';
import type { PointsEntryDoc } from '../models/CivilityPoints';

export const CivilityPointsEntry = {
  id: (entry: PointsEntryDoc) => entry._id,
  resident: (entry: PointsEntryDoc, _: unknown, { loaders }: Context) => loaders.resident.load(entry.residentId),
  balanceAfter: (entry: PointsEntryDoc) => entry.balanceAfter ?? null,
};
