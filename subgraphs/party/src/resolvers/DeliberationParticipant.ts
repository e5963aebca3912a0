import { reference } from '@cg/kit';
import type { DeliberationParticipantResolvers } from '../generated/resolvers-types';

export const DeliberationParticipant = {
  resident: (p) => (p.kind === 'RESIDENT' ? reference(p.refId) : null),
  member: (p, _, { loaders }) => (p.kind === 'PARTY_MEMBER' ? loaders.member.load(p.refId) : null),
  unit: (p, _, { loaders }) => (p.kind === 'UNIT' ? loaders.responseUnit.load(p.refId) : null),
} satisfies DeliberationParticipantResolvers;
