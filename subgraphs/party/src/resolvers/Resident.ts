import { extendedEntity } from '@cg/kit';
import type { Context } from '../context';

export const Resident = {
  ...extendedEntity,
  partyMembership: (resident: { id: string }, _: unknown, { loaders }: Context) => loaders.memberByResident.load(resident.id),
};
