import { maskName } from '@cg/kit';
import type { Context } from '../context';

interface Party {
  residentId?: string | null;
  name: string;
}

export const DisputeParty = {
  resident: (party: Party, _: unknown, { loaders }: Context) => (party.residentId ? loaders.resident.load(party.residentId) : null),
  name: (party: Party) => maskName(party.name),
};
