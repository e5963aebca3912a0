import { entityResolvers, loadReferenced } from '@cg/kit';
import type { Context } from '../context';
import type { UrgeResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';

/** A supervision record (督单). */
export const Urge = {
  ...entityResolvers((ctx: Context) => ctx.loaders.urge),
  case: (u, _, { loaders }) => (u.targetKind === 'MEETING_TASK' ? null : loaders.jointCase.load(u.targetId)),
  meetingTask: (u, _, { loaders }) => (u.targetKind === 'MEETING_TASK' ? loaders.meetingTask.load(u.targetId) : null),
  unit: (u, _, { loaders }) => loadReferenced(loaders.responseUnit, u.unitId, 'ResponseUnit'),
  urgedAt: (u) => iso(u.urgedAt),
  dueAt: (u) => iso(u.dueAt),
  answeredAt: (u) => iso(u.answeredAt),
} satisfies UrgeResolvers;
