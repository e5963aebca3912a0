import { extendedEntity } from '@cg/kit';
import type { Context } from '../context';

export const Resident = {
  ...extendedEntity,
  // The current status is the record with the latest start date.
  employmentStatus: async (resident: { id: string }, _: unknown, { loaders }: Context) => {
    const records = await loaders.recordsByResident.load(resident.id);
    return records.reduce<(typeof records)[number] | null>((latest, r) => (!latest || r.since > latest.since ? r : latest), null);
  },
};
