import { entityResolvers, maskName, maskPhone, reference } from '@cg/kit';
import type { Context } from '../context';
import type { EstatePatrolDoc } from '../models/EstatePatrol';
import { onSchedule } from '../patrols';

export const EstatePatrol = {
  ...entityResolvers((ctx: Context) => ctx.loaders.estatePatrol),
  estate: (patrol: EstatePatrolDoc, _: unknown, { loaders }: Context) => loaders.estate.load(patrol.estateId),
  stewardName: (patrol: EstatePatrolDoc) => maskName(patrol.stewardName),
  stewardPhone: (patrol: EstatePatrolDoc) => (patrol.stewardPhone ? maskPhone(patrol.stewardPhone) : null),
  grid: (patrol: EstatePatrolDoc) => reference(patrol.gridId),
  onSchedule: (patrol: EstatePatrolDoc) => onSchedule(patrol),
};
