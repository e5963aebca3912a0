import { maskName } from '@cg/kit';
import type { Context } from '../context';
import type { DisputeDoc } from '../models/Dispute';

export const Dispute = {
  id: (dispute: DisputeDoc) => dispute._id,
  grid: (dispute: DisputeDoc, _: unknown, { loaders }: Context) => loaders.grid.load(dispute.gridId),
  mediatorName: (dispute: DisputeDoc) => (dispute.mediatorName ? maskName(dispute.mediatorName) : null),
};
