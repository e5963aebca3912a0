import { maskName } from '@cg/kit';
import type { DisputePartyResolvers } from '../generated/resolvers-types';
import type { DisputeDoc } from '../models/Dispute';

/** A party as the dispute stores it: a resident's id, or only a name for someone not registered here. */
export type DisputePartyParent = DisputeDoc['parties'][number];

export const DisputeParty = {
  resident: (party, _, { loaders }) => (party.residentId ? loaders.resident.load(party.residentId) : null),
  name: (party) => maskName(party.name),
} satisfies DisputePartyResolvers;
