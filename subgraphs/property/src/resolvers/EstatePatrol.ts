import { entityResolvers, loadReferenced, maskName, maskPhone, reference } from '@cg/kit';
import type { Context } from '../context';
import { onSchedule } from '../patrols';
import type { EstatePatrolResolvers } from '../generated/resolvers-types';

export const EstatePatrol = {
  ...entityResolvers((ctx: Context) => ctx.loaders.estatePatrol),
  estate: (patrol, _, { loaders }) => loadReferenced(loaders.estate, patrol.estateId, 'Estate'),
  stewardName: (patrol) => maskName(patrol.stewardName),
  stewardPhone: (patrol) => (patrol.stewardPhone ? maskPhone(patrol.stewardPhone) : null),
  grid: (patrol) => reference(patrol.gridId),
  onSchedule: (patrol) => onSchedule(patrol),
  issues: (patrol) => patrol.issues.map((issue) => ({ ...issue, patrolId: patrol._id })),
} satisfies EstatePatrolResolvers;
