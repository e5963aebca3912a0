import type { EscalationStepResolvers } from '../generated/resolvers-types';
import { iso } from '../jointCase/dates';
import type { EscalationDoc } from '../models/Escalation';

export type EscalationStepParent = EscalationDoc['steps'][number];

/** One raise of an escalation (逐级上报). */
export const EscalationStep = {
  at: (s) => iso(s.at),
} satisfies EscalationStepResolvers;
